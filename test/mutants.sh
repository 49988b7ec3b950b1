#!/usr/bin/env bash
# Not part of npm test: shows that three tests fail for the reason they name. Each mutation is applied to a
# temporary copy of the repository (the working tree is never touched), the test named for it is run, and
# the mutant must make it fail. Exit 0 when every mutant was caught.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# file | text to replace | replacement | test file | test name filter | what it breaks
mutants=(
  "shared/domain/ticketRules.ts|call: { from: ['waiting'], to: 'called'|call: { from: ['waiting', 'no_show'], to: 'called'|test/unit/ticket-rules.test.ts|allows each action|one transition of TICKET_RULES (a no-show could be called)"
  "hub/audiences.ts|rev: ++this.revs.kiosk|rev: ++this.revs.display|test/integration/roles-and-privacy.test.ts|consecutive revisions|the kiosk audience's revision counting (shared with the display's)"
  "hub/db/open.ts|synchronous = FULL|synchronous = OFF|test/integration/storage.test.ts|synchronous=FULL|the synchronous pragma (FULL → OFF)"
)

caught=0
for m in "${mutants[@]}"; do
  IFS='|' read -r file from to test name what <<<"$m"
  copy="$(mktemp -d)"
  (cd "$root" && git ls-files -z | grep -zv '^test/screenshots/' | xargs -0 cp --parents -t "$copy")
  ln -s "$root/node_modules" "$copy/node_modules"
  if ! grep -qF "$from" "$copy/$file"; then
    echo "MUTANT NOT APPLIED: '$from' not found in $file"
    rm -rf "$copy"
    continue
  fi
  python3 - "$copy/$file" "$from" "$to" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
open(path, 'w').write(text.replace(old, new, 1))
PY
  if (cd "$copy" && npx vitest run --config test/vitest.config.ts "$test" -t "$name" >"$copy/out.log" 2>&1); then
    echo "SURVIVED: $what — $test passed with the mutant"
  else
    echo "caught:   $what — $test fails: $(grep -m1 -E 'AssertionError' "$copy/out.log" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-140)"
    caught=$((caught + 1))
  fi
  rm -rf "$copy"
done
echo "$caught of ${#mutants[@]} mutants caught"
[ "$caught" -eq "${#mutants[@]}" ]
