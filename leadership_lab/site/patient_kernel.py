"""A kernel client that cannot sleep through a reply.

nbclient waits for each cell's reply with one `poll` on the shell socket lasting up to the cell
timeout. zmq's asyncio integration wakes that poll through an edge-triggered file descriptor; if
the edge is consumed elsewhere the poll sleeps although the reply has arrived, and the build sits
until the timeout (seen as builds that stall for minutes on a busy two-core machine). These
classes poll in short slices and, between slices, ask the socket itself whether a message is
waiting, so a missed wake-up costs at most `POLL_SLICE`.

A finished notebook's kernel is stopped at once rather than asked to shut down. ipykernel 6.31
can hang on a shutdown request: its control thread flushes output after the main thread has
already stopped the output thread, waits for a flush that never comes, and the main thread waits
on it, so jupyter_client sits out half its `shutdown_wait_time` (2.5 s) before sending SIGTERM.
Even without that, a kernel holding pandas and plotly takes half a second or more to exit. A
build or test kernel holds nothing to save once its last reply is in; `python -m
tools.stall_check --shutdown graceful` measures what waiting would cost.

Used by the book build's parallel execution and by the notebook tests:
`nbclient.NotebookClient(nb, **CLIENT_OPTIONS)`.
"""

from __future__ import annotations

from queue import Empty
from time import monotonic
from typing import Any

import zmq
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.manager import AsyncKernelManager
from traitlets import Type, default

POLL_SLICE = 0.25  # seconds: the longest a missed wake-up can delay a reply


class PatientShellChannel(AsyncZMQSocketChannel):
    """A channel that waits for a message in short polls and, between them, asks the socket
    itself whether a message is waiting. One long poll relies on a single edge-triggered
    wake-up; if that is missed, nbclient sits until the cell timeout."""

    async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:  # type: ignore[override]
        assert self.socket is not None
        deadline = None if timeout is None else monotonic() + timeout
        while True:
            left = POLL_SLICE if deadline is None else max(0.0, deadline - monotonic())
            if await self.socket.poll(int(min(POLL_SLICE, left) * 1000)) or self._waiting():
                return await self._recv()
            if deadline is not None and monotonic() >= deadline:
                raise Empty

    def _waiting(self) -> bool:
        assert self.socket is not None
        return bool(self.socket.getsockopt(zmq.EVENTS) & zmq.POLLIN)


class PatientKernelClient(AsyncKernelClient):
    """nbclient's usual asynchronous client, with patient shell and IOPub channels."""

    shell_channel_class = Type(PatientShellChannel)  # type: ignore[assignment]
    iopub_channel_class = Type(PatientShellChannel)  # type: ignore[assignment]


class PatientKernelManager(AsyncKernelManager):
    """Starts kernels whose clients are `PatientKernelClient`s."""

    @default("client_factory")
    def _client_factory_default(self) -> type:
        return PatientKernelClient


# nbclient options for every notebook the build or the tests execute: patient replies, and the
# kernel stopped as soon as the notebook is done (see the module's docstring).
CLIENT_OPTIONS: dict[str, Any] = {
    "kernel_manager_class": PatientKernelManager,
    "shutdown_kernel": "immediate",
}
