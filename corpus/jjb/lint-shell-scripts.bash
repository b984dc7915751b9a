#!/bin/bash
# Included verbatim by the plain job 'sample-shellcheck' (jjb/misc.yaml).
# Braces stay single: plain jobs are not formatted by JJB 4.x.
set -eu -o pipefail
find . -name '*.sh' -not -path './.git/*' -print0 | xargs -0 --no-run-if-empty shellcheck
echo "Checked ${ZUUL_PROJECT:-local checkout}"
