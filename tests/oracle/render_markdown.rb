# Test oracle only (never a runtime dependency): converts Markdown with Jekyll 4.3.1's kramdown converter.
#
# ruby render_markdown.rb [KRAMDOWN_CONFIG_JSON] < documents.jsonl > results.jsonl
# Builds Jekyll's Markdown converter for a site with Jekyll's default configuration (kramdown 2.4,
# kramdown-parser-gfm, Rouge) and the given `kramdown:` settings, then reads one JSON string a line and answers each with one JSON line,
# {"out": html} or {"err": message}, flushed at once so a caller can keep the process for many batches.
ENV["JEKYLL_NO_BUNDLER_REQUIRE"] = "true"
require "json"
require "tmpdir"
require "jekyll"

source = Dir.mktmpdir("mdfuzz")
kramdown = JSON.parse(ARGV.fetch(0, "{}"))
config = Jekyll.configuration("source" => source, "destination" => File.join(source, "_site"), "quiet" => true,
                              "kramdown" => kramdown)
site = Jekyll::Site.new(config)
converter = site.find_converter_instance(Jekyll::Converters::Markdown)
$stdout.sync = true
$stdin.each_line do |line|
  text = JSON.parse(line)
  result =
    begin
      {"out" => converter.convert(text).to_s.dup.force_encoding("UTF-8").scrub("?")}
    rescue StandardError, SystemStackError => e
      {"err" => "#{e.class}: #{e.message}".dup.force_encoding("UTF-8").scrub("?")}
    end
  $stdout.write(JSON.generate(result) + "\n")
end
