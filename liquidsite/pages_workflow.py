"""The GitHub Actions workflow that builds a site with liquidsite and publishes it on GitHub Pages.

``liquidsite new`` writes it to ``.github/workflows/pages.yml``; ``docs/github-pages.yml``
is the same text for sites that exist already. It follows GitHub's own Jekyll starter
workflow (``configure-pages`` gives the ``baseurl`` the site is published under,
``upload-pages-artifact`` + ``deploy-pages`` publish ``_site``) with liquidsite
installed by pip in place of Ruby and Bundler.
"""

PATH = ".github/workflows/pages.yml"

WORKFLOW = """\
# Build this Jekyll site with liquidsite (no Ruby) and publish it on GitHub Pages.
# Put this file at .github/workflows/pages.yml and, in the repository's
# Settings > Pages, set "Build and deployment" > "Source" to "GitHub Actions".
name: Deploy to GitHub Pages

on:
  push:
    branches: [main, master]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # >>> Where liquidsite is installed from: a PyPI requirement ("liquidsite",
  # >>> "liquidsite==0.1.0") or a git URL ("git+https://HOST/OWNER/liquidsite.git@TAG").
  LIQUIDSITE: liquidsite

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Check out
        uses: actions/checkout@v4
      - name: Set up Python
        uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Install liquidsite
        run: python -m pip install "$LIQUIDSITE"
      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5
      - name: Build
        run: liquidsite build --baseurl "${{ steps.pages.outputs.base_path }}"
        env:
          JEKYLL_ENV: production
          PAGES_REPO_NWO: ${{ github.repository }}
      - name: Upload the site
        uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""
