# Test oracle only (never a runtime dependency): renders many Liquid templates with Jekyll 4.3.1.
#
# ruby render_liquid.rb SITE_DIR < templates.json > results.json
# Loads the site at SITE_DIR once (its _config.yml, _data, _includes, _layouts), then renders each
# template of the JSON array as a page's content is rendered (Jekyll's filters and tags, the site
# payload, `render!`) and prints a JSON array of {"out": text} or {"err": message}.
ENV["JEKYLL_NO_BUNDLER_REQUIRE"] = "true"
require "json"
require "jekyll"

source = ARGV.fetch(0)
config = Jekyll.configuration("source" => source, "destination" => File.join(source, "_site"), "quiet" => true)
site = Jekyll::Site.new(config)
site.reset
site.read
templates = JSON.parse($stdin.read)
results = templates.each_with_index.map do |text, index|
  begin
    payload = site.site_payload
    payload["page"] = {"path" => "fuzz.html"}
    info = {registers: {site: site, page: payload["page"]}, strict_filters: false, strict_variables: false}
    template = site.liquid_renderer.file("fuzz#{index}.html").parse(text)  # its cache is keyed by name
    out = template.render!(payload, info)
    {"out" => out.to_s.dup.force_encoding("UTF-8").scrub("?")}
  rescue StandardError, SystemStackError => e
    {"err" => "#{e.class}: #{e.message}".dup.force_encoding("UTF-8").scrub("?")}
  end
end
$stdout.write(JSON.generate(results))
