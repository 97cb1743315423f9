"""Headless Chromium driven over the DevTools protocol, for the tests that need a real phone-sized viewport.

`chromium --window-size=390,...` does not give a 390 px page: headless Chromium lays every page out at least 500 px
wide and crops the screenshot, so a phone test run that way passes on a layout no phone shows. The DevTools
protocol's device emulation (`Emulation.setDeviceMetricsOverride`) does give a 390 px viewport with media queries
to match. The protocol runs over a pipe (`--remote-debugging-pipe`: JSON messages ended by a NUL byte on fds 3
and 4), so there is no port to allocate and nothing to install beyond Chromium.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


class Browser:
    """One headless Chromium and one page in it; use as a context manager."""

    def __init__(self, width: int = 390, height: int = 844, *, mobile: bool = True, scale: float = 1.0) -> None:
        assert CHROMIUM is not None, "Chromium is not installed"
        self._profile = tempfile.mkdtemp(prefix="hkh-chromium-")
        to_child, self._to_browser = os.pipe()
        self._from_browser, from_child = os.pipe()

        def give_pipes() -> None:  # in the child: the pipes on the descriptors Chromium reads (3) and writes (4)
            high_in, high_out = os.dup(to_child), os.dup(from_child)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self._process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-pipe", f"--user-data-dir={self._profile}",
             "about:blank"],
            pass_fds=(3, 4), preexec_fn=give_pipes, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._reader = os.fdopen(self._from_browser, "rb", buffering=0)
        self._buffer = b""
        self._next = 0
        self._events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=scale, mobile=mobile)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def call(self, method: str, *, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def _read(self, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = self._reader.read(1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _wait(self, event: str, timeout: float = 60) -> dict[str, Any]:
        for index, message in enumerate(self._events):
            if message.get("method") == event:
                return self._events.pop(index)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._read(timeout)
            if message.get("method") == event:
                return message
            self._events.append(message)
        raise TimeoutError(event)

    def open(self, path: Path) -> None:
        """Load a file and wait until it (with its images and fonts) has loaded."""
        self._events.clear()
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self._wait("Page.loadEventFired")
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (awaited when it is a promise). DevTools is not bound
        by the page's Content-Security-Policy, so the report can be measured as it ships."""
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "script error"))
        return result["result"].get("value")

    def console_errors(self) -> list[str]:
        return [
            " ".join(str(arg.get("value", "")) for arg in message["params"].get("args", []))
            for message in self._events
            if message.get("method") == "Runtime.consoleAPICalled" and message["params"].get("type") == "error"
        ]

    def screenshot(self, path: Path, *, full_page: bool = True) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, **params)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError, TimeoutError):
            pass
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
        self._reader.close()
        os.close(self._to_browser)
        shutil.rmtree(self._profile, ignore_errors=True)
