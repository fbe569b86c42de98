"""The build's kernel client finds a waiting reply even when the socket's wake-up is missed."""

import asyncio
import time
from queue import Empty

import pytest
import zmq

from leadership_lab.site.patient_kernel import POLL_SLICE, PatientShellChannel


class MissedWakeUp:
    """A socket whose poll never wakes (the lost edge), though a message is waiting."""

    def __init__(self, waiting: bool):
        self.waiting = waiting

    async def poll(self, timeout_ms: int) -> int:
        await asyncio.sleep(timeout_ms / 1000)
        return 0

    def getsockopt(self, option: int) -> int:
        assert option == zmq.EVENTS
        return zmq.POLLIN if self.waiting else 0


def channel(waiting: bool) -> PatientShellChannel:
    patient = PatientShellChannel.__new__(PatientShellChannel)
    patient.socket = MissedWakeUp(waiting)

    async def receive() -> dict:
        return {"msg_type": "execute_reply"}

    patient._recv = receive
    return patient


def test_a_waiting_reply_is_found_within_one_slice_not_at_the_timeout():
    start = time.monotonic()
    message = asyncio.run(channel(waiting=True).get_msg(timeout=30))
    assert message == {"msg_type": "execute_reply"}
    assert time.monotonic() - start < 2 * POLL_SLICE + 0.5


def test_no_reply_still_times_out_when_the_timeout_says():
    start = time.monotonic()
    with pytest.raises(Empty):
        asyncio.run(channel(waiting=False).get_msg(timeout=0.6))
    assert 0.55 <= time.monotonic() - start < 1.5


def test_a_real_kernel_runs_a_notebook_with_the_patient_client():
    import nbclient
    import nbformat

    from leadership_lab.site.patient_kernel import PatientKernelManager

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nbclient.NotebookClient(
        notebook, timeout=30, kernel_name="python3", kernel_manager_class=PatientKernelManager
    ).execute()
    assert notebook.cells[0].outputs[0]["text"] == "42\n"


def test_a_finished_notebooks_kernel_is_stopped_at_once_not_asked_to_shut_down():
    """ipykernel 6.31 can hang on a shutdown request until jupyter_client's SIGTERM 2.5 s later
    (and a kernel holding pandas takes half a second to exit even when it does not): the build
    and the tests stop a finished notebook's kernel instead."""
    import nbclient
    import nbformat

    from leadership_lab.site.patient_kernel import CLIENT_OPTIONS

    class Recording(CLIENT_OPTIONS["kernel_manager_class"]):
        calls: list[bool] = []

        async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
            Recording.calls.append(now)
            await super().shutdown_kernel(now=now, restart=restart)

    class Timed(nbclient.NotebookClient):
        stopping = 0.0

        async def _async_cleanup_kernel(self) -> None:
            start = time.monotonic()
            await super()._async_cleanup_kernel()
            self.stopping += time.monotonic() - start

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import pandas\nprint(len(pandas.DataFrame({'a': [1]})))")]
    )
    client = Timed(notebook, timeout=30, **(CLIENT_OPTIONS | {"kernel_manager_class": Recording}))
    client.execute()
    assert notebook.cells[0].outputs[0]["text"] == "1\n"
    assert Recording.calls == [True]
    assert client.stopping < 1.0
