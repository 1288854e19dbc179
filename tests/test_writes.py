"""The window's writes: run in order by the writer, each answered; refused whole when the
cache cannot be opened at all."""

from gansureader.writes import WriteQueue


def test_writes_run_in_order_and_one_failing_stops_no_other():
    queue, answers, ran = WriteQueue(), [], []

    def failing(store):
        raise ValueError("no")

    queue.put(lambda store: ran.append(1) or "one", lambda *a: answers.append(a))
    queue.put(failing, lambda *a: answers.append(a))
    queue.put(lambda store: ran.append(3) or "three", lambda *a: answers.append(a))
    queue.drain(object())
    assert ran == [1, 3] and queue.empty()
    assert answers[0] == ("one", None) and answers[2] == ("three", None)
    assert answers[1][0] is None and isinstance(answers[1][1], ValueError)


def test_writes_are_refused_with_the_error_and_none_runs():
    queue, answers, ran = WriteQueue(), [], []
    for n in range(3):
        queue.put(lambda store, n=n: ran.append(n), lambda *a: answers.append(a))
    error = OSError("the cache cannot be opened")
    queue.refuse(error)
    assert ran == [] and answers == [(None, error)] * 3 and queue.empty()
