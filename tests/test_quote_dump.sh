#!/bin/sh
# SPDX-License-Identifier: MIT
# Tests of the quote-dump tool, one case per run (meson registers each as "quote-dump-<case>"):
#   sh tests/test_quote_dump.sh CASE QUOTE_DUMP SOURCE_ROOT
# Cases: golden records replace-invalid passthrough jobs blocks slow-stream tsv pretty help
#        usage unreadable folders parallel progress
# Regenerate the golden files deliberately, after a change of behaviour, and review the diff:
#   sh tests/test_quote_dump.sh regenerate build/examples/quote_dump/quote-dump .
# Exit 0: pass; 77: skipped (a tool it needs is missing); anything else: fail.
set -eu

case_name=$1
qd=$2
src=$3
golden_dir="$src/examples/quote_dump/expected"
sample="$src/tests/data/sample"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/quote-dump-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
  echo "FAIL ($case_name): $*" >&2
  exit 1
}

# run EXPECTED_STATUS ARGS...: runs quote-dump with stdout to $tmp/out, stderr to $tmp/err,
# and checks the exit status.
run() {
  want=$1
  shift
  set +e
  "$qd" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  set -e
  if [ "$got" -ne "$want" ]; then
    echo "stderr was:" >&2
    cat "$tmp/err" >&2
    fail "quote-dump $* exited with $got, expected $want"
  fi
}

# Readable diff of two JSONL files: one quotation (or error) per line, its text on one line
# and its attribution (speaker, mention, cue, addressee, confidence) on the next.
split_records() {
  sed -e 's/,"quotes":\[/,"quotes":[\n    /' -e 's/},{"start"/},\n    {"start"/g' \
      -e 's/,"speaker":/,\n      "speaker":/g' "$1"
}

expect_file_equal() {  # EXPECTED ACTUAL WHAT
  [ -f "$1" ] || fail "no golden file $1 (create it: sh tests/test_quote_dump.sh regenerate <quote-dump> <source root>)"
  if ! cmp -s "$1" "$2"; then
    echo "--- $3: expected (-) vs actual (+), one quotation per line:" >&2
    split_records "$1" >"$tmp/expected.split"
    split_records "$2" >"$tmp/actual.split"
    diff -u "$tmp/expected.split" "$tmp/actual.split" | head -n 200 >&2 || true
    fail "$3 differs from $1 (if the change is intended: sh tests/test_quote_dump.sh regenerate <quote-dump> <source root>)"
  fi
}

expect_grep() {  # PATTERN FILE WHAT
  grep -q -e "$1" "$2" || { echo "--- $2:" >&2; head -c 2000 "$2" >&2; fail "$3: no '$1'"; }
}

expect_no_grep() {  # PATTERN FILE WHAT
  if grep -q -e "$1" "$2"; then fail "$3: unexpected '$1'"; fi
}

lines() { wc -l <"$1" | tr -d ' '; }

esc=$(printf '\033')

# A JSON string literal from a text file (awk: backslash, quote, tab, CR; newlines as \n).
json_text() {
  awk 'BEGIN { ORS = "" }
       { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r");
         if (NR > 1) print "\\n"; print }' "$1"
}

# A JSONL stream: the sample articles as records, repeated COPIES times with distinct ids
# (and an extra field to pass through), plus records that must fail.
make_stream() {  # COPIES OUT [with-broken-json]
  : >"$2"
  k=0
  while [ "$k" -lt "$1" ]; do
    for f in "$sample"/*.txt; do
      name=$(basename "$f" .txt)
      printf '{"id":"%s-%d","text":"%s","copy":%d}\n' "$name" "$k" "$(json_text "$f")" "$k" >>"$2"
    done
    printf '{"id":"bad-utf8-%d","text":"ab\377cd"}\n' "$k" >>"$2"
    printf '{"id":"no-text-%d","title":"x"}\n' "$k" >>"$2"
    printf '{"id":"empty-%d","text":""}\n' "$k" >>"$2"
    printf '{"id":"said-%d","text":"\\"We will win this match,\\" the coach said. \\"It is %d.\\""}\n' "$k" "$k" >>"$2"
    if [ "${3:-}" = with-broken-json ]; then
      printf '{"id":"broken-%d","text":"unterminated\n' "$k" >>"$2"
    fi
    k=$((k + 1))
  done
}

case "$case_name" in

regenerate)
  mkdir -p "$golden_dir"
  "$qd" --format jsonl "$sample" >"$golden_dir/sample.jsonl" || true
  "$qd" --format tsv "$sample" >"$golden_dir/sample.tsv" || true
  "$qd" --format jsonl --sentences "$sample" >"$golden_dir/sample.sentences.jsonl" || true
  "$qd" --format pretty --color never "$sample" >"$golden_dir/sample.pretty.txt" || true
  echo "regenerated $golden_dir; review with: git diff --word-diff $golden_dir"
  ;;

golden)
  # The bundled sample corpus against the checked-in expected output, in every format.
  run 0 "$sample"
  expect_file_equal "$golden_dir/sample.jsonl" "$tmp/out" "quote-dump tests/data/sample"
  run 0 --format tsv "$sample"
  expect_file_equal "$golden_dir/sample.tsv" "$tmp/out" "quote-dump --format tsv tests/data/sample"
  run 0 --sentences "$sample"
  expect_file_equal "$golden_dir/sample.sentences.jsonl" "$tmp/out" "quote-dump --sentences tests/data/sample"
  run 0 --format pretty --color never "$sample"
  expect_file_equal "$golden_dir/sample.pretty.txt" "$tmp/out" "quote-dump --format pretty tests/data/sample"
  # Standard input is the same document as the file.
  f=$(ls "$sample"/*.txt | head -n 1)
  "$qd" <"$f" >"$tmp/stdin.jsonl"
  "$qd" "$f" | sed 's/^{"id":"[^"]*"/{"id":"stdin"/' >"$tmp/file.jsonl"
  expect_file_equal "$tmp/file.jsonl" "$tmp/stdin.jsonl" "quote-dump < file"
  ;;

records)
  # N records in, N records out, in order, whatever is wrong with them.
  in="$tmp/mixed.jsonl"
  {
    printf '{"id":"ok-1","text":"\\"We will win,\\" the coach said."}\n'
    printf '{"id":"bad-utf8","text":"abc\377def"}\n'          # invalid UTF-8 at byte 3 of the text
    printf '{"id":"escaped","text":"\\u00e9t\\u00e9 \\ud83d\\ude00 ok"}\n'
    printf 'this is not json\n'                               # line 4: no id
    printf '{"id":"truncated","text":"never closed\n'          # line 5: broken JSON
    printf '{"id":"no-text"}\n'
    printf '{"id":"text-number","text":42}\n'
    printf '{"id":"empty","text":""}\n'
    printf '\n   \n'                                          # blank lines: not records
    printf '[1,2,3]\n'                                        # line 11: not an object
    printf '{"id":"lone-surrogate","text":"x\\ud800y"}\n'
    printf '{"id":"crlf","text":"Windows line end."}\r\n'
    printf '{"text":"no id at all"}\n'                        # line 14
  } >"$in"
  # A huge record: 8 MB of text on one line.
  { printf '{"id":"huge","text":"'; head -c 8000000 /dev/zero | tr '\0' 'a'; printf ' \\"x y z\\" said he."}\n'; } >>"$in"
  printf '{"id":"ok-last","text":"The end."}' >>"$in"          # no final newline
  run 1 --jsonl "$in"
  n_out=$(lines "$tmp/out")
  [ "$n_out" -eq 14 ] || fail "14 records in (and 2 blank lines), $n_out out"
  ids=$(sed 's/^{"id":\([^,]*\),.*/\1/' "$tmp/out" | tr '\n' ' ')
  want_ids='"ok-1" "bad-utf8" "escaped" "mixed.jsonl:4" "mixed.jsonl:5" "no-text" "text-number" "empty" "mixed.jsonl:11" "lone-surrogate" "crlf" "mixed.jsonl:14" "huge" "ok-last" '
  ids=$(printf '%s' "$ids" | sed "s|$tmp/||g")  # fallback ids name the file as given
  [ "$ids" = "$want_ids" ] || fail "ids in order: got [$ids], want [$want_ids]"
  expect_grep '^{"id":"bad-utf8","error":"invalid UTF-8 at byte 3 (0xFF)"}$' "$tmp/out" "invalid UTF-8"
  expect_grep '^{"id":"lone-surrogate","error":"invalid UTF-8 at byte 1 (0xED)"}$' "$tmp/out" "lone surrogate"
  expect_grep '"error":"not a JSON object"}$' "$tmp/out" "non-JSON line"
  expect_grep 'mixed.jsonl:5","error":"not valid JSON' "$tmp/out" "broken JSON"
  expect_grep '^{"id":"no-text","error":"no field \\"text\\""}$' "$tmp/out" "missing text"
  expect_grep '^{"id":"text-number","error":"field \\"text\\" is not a string"}$' "$tmp/out" "text not a string"
  expect_grep '^{"id":"empty","quotes":\[\]}$' "$tmp/out" "empty text"
  expect_grep '^{"id":"crlf","quotes":' "$tmp/out" "CRLF line"
  expect_grep '^{"id":"huge","quotes":' "$tmp/out" "huge line"
  expect_grep '^{"id":"ok-last","quotes":' "$tmp/out" "last line without newline"
  expect_grep '^{"id":"escaped","quotes":' "$tmp/out" "escapes"
  expect_grep '7 of 14 documents failed' "$tmp/err" "summary on stderr"
  # Every output line is valid UTF-8 JSON (iconv rejects invalid UTF-8).
  iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null || fail "output is not valid UTF-8"
  # All good: status 0. A byte order mark before the first record is not an error.
  { printf '\357\273\277'; head -n 1 "$in"; } >"$tmp/good.jsonl"
  run 0 --jsonl "$tmp/good.jsonl"
  [ "$(lines "$tmp/out")" -eq 1 ] || fail "one record in, one out"
  expect_grep '^{"id":"ok-1","quotes":' "$tmp/out" "record after a byte order mark"
  ;;

replace-invalid)
  printf 'He said: "Caf\351 is open." Then \377 left.' >"$tmp/latin1.txt"
  run 1 "$tmp/latin1.txt"
  expect_grep '^{"id":"latin1","error":"invalid UTF-8 at byte 13 (0xE9)"}$' "$tmp/out" "text file, reject"
  run 0 --replace-invalid "$tmp/latin1.txt"
  expect_grep '^{"id":"latin1","quotes":' "$tmp/out" "text file, replace"
  iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null || fail "--replace-invalid output is not valid UTF-8"
  printf '{"id":"j","text":"He said: \\"Caf\351 is open.\\""}\n' >"$tmp/in.jsonl"
  run 1 --jsonl "$tmp/in.jsonl"
  expect_grep '^{"id":"j","error":"invalid UTF-8 at byte 13 (0xE9)"}$' "$tmp/out" "JSONL, reject"
  run 0 --jsonl --replace-invalid "$tmp/in.jsonl"
  expect_grep '^{"id":"j","quotes":' "$tmp/out" "JSONL, replace"
  iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null || fail "--replace-invalid JSONL output is not valid UTF-8"
  ;;

passthrough)
  printf '%s\n' '{"meta":{"source":"bbc","tags":["a","b"],"score":2.50},"id":{"shard":3,"n":17},"lang":"en","text":"Nothing quoted here.","n":1e3,"ok":true,"none":null,"esc":"tab\there \u00e9"}' >"$tmp/in.jsonl"
  run 0 --jsonl "$tmp/in.jsonl"
  expect_grep '^{"id":{"shard":3,"n":17},"meta":{"source":"bbc","tags":\["a","b"\],"score":2.50},"lang":"en","n":1e3,"ok":true,"none":null,"esc":"tab\\there \\u00e9","quotes":\[\]}$' \
    "$tmp/out" "fields passed through unchanged, in order, after the id"
  # Also on error records.
  printf '%s\n' '{"id":"e","lang":"ru","text":7}' >"$tmp/in.jsonl"
  run 1 --jsonl "$tmp/in.jsonl"
  expect_grep '^{"id":"e","lang":"ru","error":' "$tmp/out" "fields passed through on an error record"
  ;;

jobs)
  # -j 1 and -j 4 (and the default) give byte-identical output.
  make_stream 8 "$tmp/in.jsonl" with-broken-json
  run 1 --jsonl -j 1 "$tmp/in.jsonl"
  mv "$tmp/out" "$tmp/j1"
  run 1 --jsonl -j 4 "$tmp/in.jsonl"
  cmp -s "$tmp/j1" "$tmp/out" || fail "--jsonl: -j 4 output differs from -j 1"
  run 1 --jsonl "$tmp/in.jsonl"
  cmp -s "$tmp/j1" "$tmp/out" || fail "--jsonl: default -j output differs from -j 1"
  [ "$(lines "$tmp/j1")" -eq $((8 * 10)) ] || fail "$((8 * 10)) records in, $(lines "$tmp/j1") out"
  for fmt in tsv pretty; do
    run 1 --jsonl -j 1 --format "$fmt" "$tmp/in.jsonl"
    mv "$tmp/out" "$tmp/j1"
    run 1 --jsonl -j 3 --format "$fmt" "$tmp/in.jsonl"
    cmp -s "$tmp/j1" "$tmp/out" || fail "--format $fmt: -j 3 output differs from -j 1"
  done
  run 0 -j 1 "$sample" "$sample"
  mv "$tmp/out" "$tmp/j1"
  run 0 -j 4 "$sample" "$sample"
  cmp -s "$tmp/j1" "$tmp/out" || fail "folders: -j 4 output differs from -j 1"
  ;;

tsv)
  make_stream 1 "$tmp/in.jsonl"
  run 1 --jsonl --format tsv "$tmp/in.jsonl"
  [ "$(head -n 1 "$tmp/out")" = "$(printf 'id\tstart\tend\tkind\tspeaker\tcue\tconfidence\ttext')" ] || fail "TSV header"
  # Every line has 8 fields.
  awk -F '\t' 'NF != 8 { exit 1 }' "$tmp/out" || fail "a TSV line without exactly 8 fields"
  # One line per quotation: as many as the JSONL records hold, plus one per failed document.
  "$qd" --jsonl "$tmp/in.jsonl" >"$tmp/jsonl" 2>/dev/null || true
  quotes=$(grep -o '"kind":"[a-z]*"' "$tmp/jsonl" | wc -l)
  errors=$(grep -c '"error":' "$tmp/jsonl" || true)
  rows=$(($(lines "$tmp/out") - 1))
  [ "$rows" -eq $((quotes + errors)) ] || fail "TSV rows $rows, expected $quotes quotations + $errors errors"
  expect_grep "$(printf '^bad-utf8-0\t\t\terror\t\t\t\tinvalid UTF-8 at byte 2 (0xFF)$')" "$tmp/out" "error row"
  # Tabs, newlines and backslashes in fields are escaped.
  printf '%s\n' '{"id":"a\tb\\c\nd","text":"He said: \"one\ttwo \\ three four five six seven.\""}' >"$tmp/esc.jsonl"
  run 0 --jsonl --format tsv "$tmp/esc.jsonl"
  awk -F '\t' 'NF != 8 { exit 1 }' "$tmp/out" || fail "escaped TSV line without exactly 8 fields"
  expect_grep "$(printf '^a\\\\tb\\\\\\\\c\\\\nd\t')" "$tmp/out" "escaped id"
  if [ "$(lines "$tmp/out")" -gt 1 ]; then
    expect_grep 'one\\ttwo \\\\ three four' "$tmp/out" "escaped quotation text"
  fi
  ;;

pretty)
  f=$(ls "$sample"/*.txt | head -n 1)
  id=$(basename "$f" .txt)
  run 0 --format pretty --color always "$f"
  expect_grep "$esc\[" "$tmp/out" "--color always"
  expect_grep "$id" "$tmp/out" "document id"
  NO_COLOR=1 run 0 --format pretty "$f"
  expect_no_grep "$esc" "$tmp/out" "NO_COLOR"
  NO_COLOR=1 run 0 --format pretty --color always "$f"
  expect_grep "$esc\[" "$tmp/out" "--color always overrides NO_COLOR"
  run 0 --format pretty --color never "$f"
  expect_no_grep "$esc" "$tmp/out" "--color never"
  run 0 --format pretty "$f"
  expect_no_grep "$esc" "$tmp/out" "auto colour when stdout is not a terminal"
  # Text from the document never reaches the terminal as control characters.
  printf 'He said: "evil \033]0;title\007 words here, really." It ended.' >"$tmp/ctl.txt"
  run 0 --format pretty --color never "$tmp/ctl.txt"
  expect_no_grep "$esc" "$tmp/out" "escape sequence from the text"
  # On a terminal (script(1) gives a pty): pretty by default, coloured unless NO_COLOR is set.
  if command -v script >/dev/null 2>&1; then
    TERM=xterm script -qec "\"$qd\" \"$f\"" /dev/null >"$tmp/tty" 2>&1 </dev/null || true
    expect_no_grep '^{"id"' "$tmp/tty" "default format on a terminal"
    expect_grep "$id" "$tmp/tty" "pretty on a terminal"
    expect_grep "$esc\[" "$tmp/tty" "colour on a terminal"
    NO_COLOR=1 TERM=xterm script -qec "\"$qd\" \"$f\"" /dev/null >"$tmp/tty" 2>&1 </dev/null || true
    expect_grep "$id" "$tmp/tty" "pretty on a terminal with NO_COLOR"
    expect_no_grep "$esc\[[0-9;]*m" "$tmp/tty" "NO_COLOR on a terminal"
  fi
  ;;

help)
  run 0 --help
  for section in 'Usage: quote-dump' 'INPUT' 'OUTPUT FORMATS' 'EXIT STATUS' 'ENVIRONMENT' 'EXAMPLES' 'NO_COLOR' '--jsonl' '--format' '--jobs' '--replace-invalid'; do
    expect_grep "$section" "$tmp/out" "--help"
  done
  [ ! -s "$tmp/err" ] || fail "--help wrote to stderr"
  run 0 --version
  expect_grep 'quote-dump (whosaid) [0-9]' "$tmp/out" "--version"
  ;;

usage)
  run 64 --no-such-option
  expect_grep 'no-such-option' "$tmp/err" "unknown option"
  expect_grep "Try 'quote-dump --help'" "$tmp/err" "unknown option"
  [ ! -s "$tmp/out" ] || fail "usage error wrote to stdout"
  run 64 --format xml
  expect_grep 'xml' "$tmp/err" "bad --format"
  run 64 -j lots
  expect_grep 'lots' "$tmp/err" "bad -j"
  run 64 --lang xx
  expect_grep 'xx' "$tmp/err" "bad --lang"
  ;;

unreadable)
  f=$(ls "$sample"/*.txt | head -n 1)
  run 2 "$tmp/missing.txt" "$f"
  expect_grep "cannot read '$tmp/missing.txt': No such file or directory" "$tmp/err" "missing file"
  [ "$(lines "$tmp/out")" -eq 1 ] || fail "the readable file after the missing one was not processed"
  run 2 --jsonl "$tmp/missing.jsonl"
  expect_grep "cannot read '$tmp/missing.jsonl'" "$tmp/err" "missing JSONL file"
  # Unreadable beats failed documents.
  printf 'x\377' >"$tmp/bad.txt"
  run 2 "$tmp/bad.txt" "$tmp/missing.txt"
  expect_grep '"error":"invalid UTF-8' "$tmp/out" "failed document next to a missing file"
  ;;

folders)
  mkdir -p "$tmp/corpus/b/deeper" "$tmp/corpus/a" "$tmp/corpus/.hidden"
  printf '"One quote here," she said.' >"$tmp/corpus/b/deeper/x.txt"
  printf 'No quotes.' >"$tmp/corpus/a/y.txt"
  printf 'Skip me.' >"$tmp/corpus/a/notes.md"
  printf 'Hidden.' >"$tmp/corpus/.hidden/z.txt"
  printf 'Top.' >"$tmp/corpus/top.txt"
  run 0 "$tmp/corpus"
  ids=$(sed 's/^{"id":"\([^"]*\)".*/\1/' "$tmp/out" | tr '\n' ' ')
  [ "$ids" = "a/y b/deeper/x top " ] || fail "folder walk: ids [$ids], want [a/y b/deeper/x top ]"
  mkdir -p "$tmp/empty"
  run 0 "$tmp/empty"
  expect_grep "holds no \*.txt files" "$tmp/err" "empty folder warning"
  # --jsonl takes the *.jsonl files of a folder.
  printf '{"id":"r1","text":"a"}\n' >"$tmp/corpus/a/r.jsonl"
  run 0 --jsonl "$tmp/corpus"
  [ "$(cat "$tmp/out")" = '{"id":"r1","quotes":[]}' ] || fail "--jsonl folder: $(cat "$tmp/out")"
  ;;

blocks)
  # JSON Lines are read in blocks of about 64 KB cut at line ends and split into records by
  # the workers: line numbers (the fallback id FILE:LINE), a byte order mark, CRLF, blank
  # lines and a line longer than a block must come out the same wherever the cuts fall.
  in="$tmp/blocks.jsonl"
  {
    printf '\357\273\277{"id":"first","text":"Line one."}\r\n'
    i=2
    while [ "$i" -le 400 ]; do
      case "$i" in
        150) printf '{"text":"no id here, line 150"}\n' ;;
        151) printf '\n' ;;
        152) printf '   \r\n' ;;
        153) printf '\357\273\277{"id":"bom-not-first","text":"x"}\n' ;;
        *) printf '{"id":"r%d","text":"\\"Record %d is here and it is long enough to fill the blocks,\\" said the clerk of records, who counted %d of them."}\r\n' "$i" "$i" "$i" ;;
      esac
      i=$((i + 1))
    done
    # A line of 300 KB (longer than a block), then a record without an id after it.
    printf '{"id":"long","text":"'; head -c 300000 /dev/zero | tr '\0' 'b'; printf '"}\n'
    printf '{"text":"no id, line 402"}'
  } >"$in"
  run 1 --jsonl -j 1 "$in"
  mv "$tmp/out" "$tmp/j1"
  [ "$(lines "$tmp/j1")" -eq 400 ] || fail "400 records in (2 blank lines), $(lines "$tmp/j1") out"
  expect_grep '^{"id":"first","quotes":\[\]}$' "$tmp/j1" "record after a byte order mark and with CRLF"
  expect_grep "^{\"id\":\"$in:150\",\"quotes\":" "$tmp/j1" "fallback id with the line number inside the stream"
  expect_grep "^{\"id\":\"$in:402\",\"quotes\":" "$tmp/j1" "fallback id after a line longer than a block"
  expect_grep '^{"id":"r399","quotes":\[{"start":1,' "$tmp/j1" "a record late in the stream"
  expect_grep '^{"id":"long","quotes":\[\]}$' "$tmp/j1" "a line longer than a block"
  # A byte order mark is skipped at the start of an input only: elsewhere the line is not JSON.
  expect_grep "^{\"id\":\"$in:153\",\"error\":\"not a JSON object\"}$" "$tmp/j1" "byte order mark inside the stream"
  for j in 2 3; do
    run 1 --jsonl -j "$j" "$in"
    cmp -s "$tmp/j1" "$tmp/out" || fail "-j $j output differs from -j 1 on a stream of many blocks"
  done
  # Through a pipe the reads (and so the block cuts) differ; the ids say "stdin".
  sed "s|$in:|stdin:|" "$tmp/j1" >"$tmp/j1.stdin"
  set +e
  cat "$in" | "$qd" --jsonl -j 2 >"$tmp/out" 2>"$tmp/err"
  set -e
  cmp -s "$tmp/j1.stdin" "$tmp/out" || fail "a pipe gives other records than the file"
  # Each line is parsed on its own, where it lies among the others: nothing is read from the
  # line after it.
  {
    printf '123\n456\n'
    printf '{"id":"open","text":"abc\n"}\n'   # a line end inside the string
    printf '{"id":"trail","text":"a"} 5\n'
    printf '{"id":"num","n":12\n3}\n'         # a line end inside the object
    printf '{"id":"ok","text":"fine"}'
  } >"$tmp/edge.jsonl"
  run 1 --jsonl "$tmp/edge.jsonl"
  [ "$(lines "$tmp/out")" -eq 8 ] || fail "8 lines in, $(lines "$tmp/out") records out"
  expect_grep 'edge.jsonl:1","error":"not a JSON object"}$' "$tmp/out" "a number on its own line"
  expect_grep 'edge.jsonl:2","error":"not a JSON object"}$' "$tmp/out" "the number on the next line"
  expect_grep 'edge.jsonl:3","error":"not valid JSON: a string is opened, but never closed"}$' "$tmp/out" "a string left open at the line end"
  expect_grep 'edge.jsonl:4","error":"not valid JSON: a string is opened, but never closed"}$' "$tmp/out" "the rest of that string on the next line"
  expect_grep 'edge.jsonl:5","error":"not valid JSON' "$tmp/out" "content after the record"
  expect_grep 'edge.jsonl:6","error":"not valid JSON' "$tmp/out" "an object cut by the line end"
  expect_grep 'edge.jsonl:7","error":"not a JSON object"}$' "$tmp/out" "the rest of that object"
  expect_grep '^{"id":"ok","quotes":\[\]}$' "$tmp/out" "the last record"
  ;;

slow-stream)
  # A pipe fed a record at a time: each record's output is written out before the next record
  # arrives (not when the input ends or 256 KB of output have piled up).
  mkfifo "$tmp/fifo"
  for j in 1 2; do
    # The output file exists before the reader starts: the background job opens it only once
    # a writer has opened the FIFO, and the first check below may come before that.
    : >"$tmp/out.$j"
    "$qd" --jsonl -j "$j" <"$tmp/fifo" >>"$tmp/out.$j" 2>"$tmp/err" &
    pid=$!
    exec 3>"$tmp/fifo"
    printf '{"id":"a","text":"\\"We are here,\\" she said."}\n' >&3
    n=0
    while [ "$(lines "$tmp/out.$j")" -lt 1 ] && [ "$n" -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
    [ "$(lines "$tmp/out.$j")" -eq 1 ] || { exec 3>&-; wait "$pid" || true; fail "-j $j: no output for the first record while the input stays open"; }
    printf '{"id":"b","text":"Second."}\n' >&3
    n=0
    while [ "$(lines "$tmp/out.$j")" -lt 2 ] && [ "$n" -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
    [ "$(lines "$tmp/out.$j")" -eq 2 ] || { exec 3>&-; wait "$pid" || true; fail "-j $j: no output for the second record while the input stays open"; }
    exec 3>&-
    wait "$pid" || fail "-j $j: exit status $? on a slow stream"
    expect_grep '^{"id":"a","quotes":\[{' "$tmp/out.$j" "first record"
    expect_grep '^{"id":"b","quotes":\[\]}$' "$tmp/out.$j" "second record"
  done
  ;;

parallel)
  # The per-partition contract: GNU parallel --pipe splits the stream into blocks, each block
  # goes to its own quote-dump, -k keeps the order; the result equals a single run.
  command -v parallel >/dev/null 2>&1 || { echo "SKIP: GNU parallel is not installed (Debian package parallel)"; exit 77; }
  make_stream 24 "$tmp/in.jsonl"
  run 1 --jsonl -j 2 <"$tmp/in.jsonl"
  mv "$tmp/out" "$tmp/single"
  set +e
  parallel --will-cite --pipe -k --block 64k -j 2 "$qd" --jsonl -j 1 <"$tmp/in.jsonl" >"$tmp/parallel" 2>"$tmp/err"
  set -e
  blocks=$(parallel --will-cite --pipe -k --block 64k wc -l <"$tmp/in.jsonl" | wc -l)
  [ "$blocks" -gt 3 ] || fail "the stream was not split into several blocks ($blocks)"
  cmp -s "$tmp/single" "$tmp/parallel" || { diff "$tmp/single" "$tmp/parallel" | head -n 20 >&2; fail "parallel --pipe output differs from a single run"; }
  [ "$(lines "$tmp/parallel")" -eq "$(lines "$tmp/in.jsonl")" ] || fail "N records in, N out under parallel"
  # The command of README.md ("Running on a cluster"), run as printed (quote-dump on PATH,
  # docs.jsonl in the current folder): the 10 MB blocks of a larger stream.
  cmd=$(sed -n '/<!-- parallel-example -->/,/<!-- \/parallel-example -->/p' "$src/README.md" | sed '/^```/d; /^<!--/d')
  [ -n "$cmd" ] || fail "no GNU parallel command in README.md"
  mkdir -p "$tmp/bin" "$tmp/work"
  ln -s "$(cd "$(dirname "$qd")" && pwd)/$(basename "$qd")" "$tmp/bin/quote-dump"
  k=0
  while [ "$k" -lt 40 ]; do cat "$tmp/in.jsonl"; k=$((k + 1)); done >"$tmp/work/docs.jsonl"
  [ "$(wc -c <"$tmp/work/docs.jsonl")" -gt 10000000 ] || fail "the stream for the README command is not over 10 MB"
  set +e
  (cd "$tmp/work" && PATH="$tmp/bin:$PATH" sh -c "$cmd") 2>"$tmp/err"
  set -e
  [ -s "$tmp/work/quotes.jsonl" ] || { cat "$tmp/err" >&2; fail "the README command wrote nothing: $cmd"; }
  run 1 --jsonl -j 2 <"$tmp/work/docs.jsonl"
  cmp -s "$tmp/out" "$tmp/work/quotes.jsonl" || fail "the README command gives other records than a single run: $cmd"
  ;;

progress)
  run 0 --progress always "$sample"
  expect_grep 'quote-dump: 5 documents, [0-9.]* MB, [0-9.]* MB/s, 100%, 0:00 left' "$tmp/err" "progress line"
  run 0 --progress never "$sample"
  [ ! -s "$tmp/err" ] || fail "--progress never wrote to stderr"
  run 0 "$sample"
  [ ! -s "$tmp/err" ] || fail "progress written although stderr is not a terminal"
  # Input size unknown (a pipe): no share, no time left.
  cat "$sample"/*.txt | "$qd" --progress always >/dev/null 2>"$tmp/err"
  expect_grep 'quote-dump: 1 document, [0-9.]* MB, [0-9.]* MB/s$' "$tmp/err" "progress on a pipe"
  # auto: a run longer than a second (a stream fed slowly) shows progress when stderr is a
  # terminal (script(1) gives a pty), and none when it is not.
  cat >"$tmp/feed.sh" <<'EOF2'
printf '{"id":"a","text":"One."}\n'
sleep 1.5
printf '{"id":"b","text":"Two."}\n'
EOF2
  sh "$tmp/feed.sh" | "$qd" --jsonl >/dev/null 2>"$tmp/err"
  [ ! -s "$tmp/err" ] || fail "progress written on a long run although stderr is not a terminal"
  if command -v script >/dev/null 2>&1; then
    TERM=xterm script -qec "sh \"$tmp/feed.sh\" | \"$qd\" --jsonl >/dev/null" /dev/null >"$tmp/tty" 2>&1 </dev/null || true
    expect_grep 'quote-dump: 2 documents, [0-9.]* MB, [0-9.]* MB/s' "$tmp/tty" "progress on a terminal"
  fi
  ;;

*)
  echo "unknown case '$case_name'" >&2
  exit 2
  ;;
esac
echo "ok: quote-dump $case_name"
