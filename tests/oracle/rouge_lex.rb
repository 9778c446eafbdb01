# Test oracle only (never a runtime dependency): Rouge 3.30's HTML markup of code, as Jekyll's highlighting gives it.
#
# ruby rouge_lex.rb < cases.jsonl > results.jsonl
# Reads one JSON array [lexer tag, code] a line and answers each with one JSON line, {"out": html} or
# {"err": message} (Rouge raised), flushed at once so a caller can keep the process for many batches.
require "json"
require "rouge"

abort "Rouge #{Rouge.version} is not 3.30.0" unless Rouge.version == "3.30.0"
$stdout.sync = true
$stdin.each_line do |line|
  tag, code = JSON.parse(line)
  result =
    begin
      {"out" => Rouge::Formatters::HTML.new.format(Rouge::Lexer.find(tag).lex(code))}
    rescue StandardError, SystemStackError => e
      {"err" => "#{e.class}: #{e.message}".dup.force_encoding("UTF-8").scrub("?")}
    end
  $stdout.write(JSON.generate(result) + "\n")
end
