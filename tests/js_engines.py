"""Run the reference engines installed under ``tests/js`` (``npm ci --prefix tests/js``).

json-logic-js is the JSON Logic reference implementation and @cqframework/cql is the HL7
CQL translator; neither has a Python equivalent. A missing Node or ``node_modules`` fails
the test with the command that installs them: these checks never skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

JS = Path(__file__).resolve().parent / "js"
INSTALL = "npm ci --prefix tests/js"


def run_node(script: str, payload: Any) -> Any:
    """Feed ``payload`` as JSON to ``tests/js/<script>`` and return its JSON answer (the
    last line of stdout: the CQL translator logs to stdout before it)."""
    node = shutil.which("node")
    assert node, f"Node.js is required for this test (then: {INSTALL})"
    assert (JS / "node_modules").is_dir(), f"the test engines are not installed: run {INSTALL}"
    # a larger young generation: the CQL translator allocates heavily (about 20% less time)
    done = subprocess.run([node, "--max-semi-space-size=64", str(JS / script)], input=json.dumps(payload),
                          capture_output=True, text=True, cwd=JS, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])
