# NEEDS RUBY and the rouge 3.30.0 gem: an oracle script, never run by the tests.
#
# Records the SHA-256 of Rouge 3.30's HTML markup of its own demo snippets (lib/rouge/demos/TAG)
# and visual spec samples (spec/visual/samples/TAG) into tests/golden/rouge_samples.json as
# "TAG-demo" and "TAG-sample": no Rouge file, nor its markup, is copied into the project. The test
# reads the same inputs from a Rouge installation (ROUGE_DEMOS, ROUGE_SAMPLES).
#
#   ruby tools/record_rouge_samples.rb DEMOS_DIR SAMPLES_DIR TAG...
#
# DEMOS_DIR is e.g. /usr/share/ruby-rouge/demos; SAMPLES_DIR a checkout of rouge at v3.30.0's
# spec/visual/samples (either may be "-" to skip it).
require "rouge"
require "digest"
require "json"

abort "Rouge #{Rouge.version} is not 3.30.0" unless Rouge.version == "3.30.0"
demos, samples, *tags = ARGV
out = File.expand_path("../tests/golden/rouge_samples.json", __dir__)
recorded = File.exist?(out) ? JSON.parse(File.read(out)) : {}
tags.each do |tag|
  { "demo" => demos, "sample" => samples }.each do |kind, dir|
    next if dir == "-"
    path = File.join(dir, tag)
    next unless File.exist?(path)
    code = File.read(path, encoding: "utf-8")
    html = Rouge::Formatters::HTML.new.format(Rouge::Lexer.find(tag).lex(code))
    recorded["#{tag}-#{kind}"] = Digest::SHA256.hexdigest(html)
  end
end
File.write(out, JSON.pretty_generate(recorded.sort.to_h, indent: " ") + "\n")
