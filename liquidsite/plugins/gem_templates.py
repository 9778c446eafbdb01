"""The Liquid templates of jekyll-sitemap 1.4.0 and jekyll-feed 0.17.0, minified as the gems do.

liquidsite builds a sitemap, a feed and ``robots.txt`` in Python, but Jekyll's pages for them are
``PageWithoutAFile`` objects whose ``content`` is the gem's template until they render: a page that
renders before them and reads their ``content`` through ``site.pages`` (a search index) sees these
texts. Each is the gem's file after its ``MINIFY_REGEX`` substitution.
"""

#: jekyll-sitemap's ``robots.txt``
ROBOTS_TEMPLATE = 'Sitemap: {{ "sitemap.xml" | absolute_url }}\n'

#: jekyll-sitemap's ``sitemap.xml`` with ``%r!(?<=>\n|})\s+!`` removed
SITEMAP_TEMPLATE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n{% if page.xsl %}<?xml-stylesheet type="text/xsl" href="{'
    '{ "/sitemap.xsl" | absolute_url }}"?>\n{% endif %}<urlset xmlns:xsi="http://www.w3.org/2001/XMLSc'
    'hema-instance" xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitema'
    'ps.org/schemas/sitemap/0.9/sitemap.xsd" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{% '
    "assign collections = site.collections | where_exp:'collection','collection.output != false' %}{%"
    " for collection in collections %}{% assign docs = collection.docs | where_exp:'doc','doc.sitemap"
    " != false' %}{% for doc in docs %}<url>\n<loc>{{ doc.url | replace:'/index.html','/' | absolute_u"
    'rl | xml_escape }}</loc>\n{% if doc.last_modified_at or doc.date %}<lastmod>{{ doc.last_modified_'
    'at | default: doc.date | date_to_xmlschema }}</lastmod>\n{% endif %}</url>\n{% endfor %}{% endfor '
    "%}{% assign pages = site.html_pages | where_exp:'doc','doc.sitemap != false' | where_exp:'doc','"
    'doc.url != "/404.html"\' %}{% for page in pages %}<url>\n<loc>{{ page.url | replace:\'/index.html\','
    "'/' | absolute_url | xml_escape }}</loc>\n{% if page.last_modified_at %}<lastmod>{{ page.last_mod"
    'ified_at | date_to_xmlschema }}</lastmod>\n{% endif %}</url>\n{% endfor %}{% assign static_files ='
    ' page.static_files | where_exp:\'page\',\'page.sitemap != false\' | where_exp:\'page\',\'page.name != "'
    '404.html"\' %}{% for file in static_files %}<url>\n<loc>{{ file.path | replace:\'/index.html\',\'/\' |'
    ' absolute_url | xml_escape }}</loc>\n<lastmod>{{ file.modified_time | date_to_xmlschema }}</lastm'
    'od>\n</url>\n{% endfor %}</urlset>\n'
)

#: jekyll-feed's ``feed.xml`` with ``%r!(?<=>|})\s+!`` removed
FEED_TEMPLATE = (
    '<?xml version="1.0" encoding="utf-8"?>{% if page.xsl %}<?xml-stylesheet type="text/xml" href="{{'
    ' \'/feed.xslt.xml\' | absolute_url }}"?>{% endif %}<feed xmlns="http://www.w3.org/2005/Atom" {% if'
    ' site.lang %}xml:lang="{{ site.lang }}"{% endif %}><generator uri="https://jekyllrb.com/" versio'
    'n="{{ jekyll.version }}">Jekyll</generator><link href="{{ page.url | absolute_url }}" rel="self"'
    ' type="application/atom+xml" /><link href="{{ \'/\' | absolute_url }}" rel="alternate" type="text/'
    'html" {% if site.lang %}hreflang="{{ site.lang }}" {% endif %}/><updated>{{ site.time | date_to_'
    'xmlschema }}</updated><id>{{ page.url | absolute_url | xml_escape }}</id>{% assign title = site.'
    'title | default: site.name %}{% if page.collection != "posts" %}{% assign collection = page.coll'
    'ection | capitalize %}{% assign title = title | append: " | " | append: collection %}{% endif %}'
    '{% if page.category %}{% assign category = page.category | capitalize %}{% assign title = title '
    '| append: " | " | append: category %}{% endif %}{% if title %}<title type="html">{{ title | smar'
    'tify | xml_escape }}</title>{% endif %}{% if site.description %}<subtitle>{{ site.description | '
    'xml_escape }}</subtitle>{% endif %}{% if site.author %}<author><name>{{ site.author.name | defau'
    'lt: site.author | xml_escape }}</name>{% if site.author.email %}<email>{{ site.author.email | xm'
    'l_escape }}</email>{% endif %}{% if site.author.uri %}<uri>{{ site.author.uri | xml_escape }}</u'
    'ri>{% endif %}</author>{% endif %}{% if page.tags %}{% assign posts = site.tags[page.tags] %}{% '
    'else %}{% assign posts = site[page.collection] %}{% endif %}{% if page.category %}{% assign post'
    's = posts | where: "categories", page.category %}{% endif %}{% unless site.show_drafts %}{% assi'
    'gn posts = posts | where_exp: "post", "post.draft != true" %}{% endunless %}{% assign posts = po'
    'sts | sort: "date" | reverse %}{% assign posts_limit = site.feed.posts_limit | default: 10 %}{% '
    'for post in posts limit: posts_limit %}<entry{% if post.lang %}{{" "}}xml:lang="{{ post.lang }}"'
    '{% endif %}>{% assign post_title = post.title | smartify | strip_html | normalize_whitespace | x'
    'ml_escape %}<title type="html">{{ post_title }}</title><link href="{{ post.url | absolute_url }}'
    '" rel="alternate" type="text/html" title="{{ post_title }}" /><published>{{ post.date | date_to_'
    'xmlschema }}</published><updated>{{ post.last_modified_at | default: post.date | date_to_xmlsche'
    'ma }}</updated><id>{{ post.id | absolute_url | xml_escape }}</id>{% assign excerpt_only = post.f'
    'eed.excerpt_only | default: site.feed.excerpt_only %}{% unless excerpt_only %}<content type="htm'
    'l" xml:base="{{ post.url | absolute_url | xml_escape }}"><![CDATA[{{ post.content | strip }}]]><'
    '/content>{% endunless %}{% assign post_author = post.author | default: post.authors[0] | default'
    ': site.author %}{% assign post_author = site.data.authors[post_author] | default: post_author %}'
    '{% assign post_author_email = post_author.email | default: nil %}{% assign post_author_uri = pos'
    't_author.uri | default: nil %}{% assign post_author_name = post_author.name | default: post_auth'
    'or %}<author><name>{{ post_author_name | default: "" | xml_escape }}</name>{% if post_author_ema'
    'il %}<email>{{ post_author_email | xml_escape }}</email>{% endif %}{% if post_author_uri %}<uri>'
    '{{ post_author_uri | xml_escape }}</uri>{% endif %}</author>{% if post.category %}<category term'
    '="{{ post.category | xml_escape }}" />{% elsif post.categories %}{% for category in post.categor'
    'ies %}<category term="{{ category | xml_escape }}" />{% endfor %}{% endif %}{% for tag in post.t'
    'ags %}<category term="{{ tag | xml_escape }}" />{% endfor %}{% assign post_summary = post.descri'
    'ption | default: post.excerpt %}{% if post_summary and post_summary != empty %}<summary type="ht'
    'ml"><![CDATA[{{ post_summary | strip_html | normalize_whitespace }}]]></summary>{% endif %}{% as'
    'sign post_image = post.image.path | default: post.image %}{% if post_image %}{% unless post_imag'
    'e contains "://" %}{% assign post_image = post_image | absolute_url %}{% endunless %}<media:thum'
    'bnail xmlns:media="http://search.yahoo.com/mrss/" url="{{ post_image | xml_escape }}" /><media:c'
    'ontent medium="image" url="{{ post_image | xml_escape }}" xmlns:media="http://search.yahoo.com/m'
    'rss/" />{% endif %}</entry>{% endfor %}</feed>'
)
