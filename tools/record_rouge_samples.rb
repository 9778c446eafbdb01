# NEEDS RUBY and the rouge 3.30.0 gem: an oracle script, never run by the tests.
#
# Records Rouge 3.30's HTML markup of its own demo snippets (lib/rouge/demos/TAG) and visual
# spec samples (spec/visual/samples/TAG) into tests/golden/rouge_samples/TAG-demo.html and
# TAG-sample.html. Only the markup is stored: the test recovers the code from it (tags
# stripped, &amp; &lt; &gt; unescaped), so no Rouge file is copied into the project.
#
#   ruby tools/record_rouge_samples.rb DEMOS_DIR SAMPLES_DIR TAG...
#
# DEMOS_DIR is e.g. /usr/share/ruby-rouge/demos; SAMPLES_DIR a checkout of rouge at v3.30.0's
# spec/visual/samples (either may be "-" to skip it).
require "rouge"
require "cgi"

abort "Rouge #{Rouge.version} is not 3.30.0" unless Rouge.version == "3.30.0"
demos, samples, *tags = ARGV
out = File.expand_path("../tests/golden/rouge_samples", __dir__)
Dir.mkdir(out) unless Dir.exist?(out)
tags.each do |tag|
  { "demo" => demos, "sample" => samples }.each do |kind, dir|
    next if dir == "-"
    path = File.join(dir, tag)
    next unless File.exist?(path)
    code = File.read(path, encoding: "utf-8")
    html = Rouge::Formatters::HTML.new.format(Rouge::Lexer.find(tag).lex(code))
    back = CGI.unescapeHTML(html.gsub(/<span class="[^"]*">|<\/span>/, ""))
    abort "#{path}: markup does not round-trip to the code" unless back == code
    File.write(File.join(out, "#{tag}-#{kind}.html"), html)
  end
end
