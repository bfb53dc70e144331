"""Trusted cases for trie: every answer from a plain set of words and str.startswith
(slow, but obviously right)."""


def _ops(calls):
    return [["Trie", []]] + [[name, [arg]] for name, arg in calls]


def visible():
    return [
        {
            "id": "example",
            "ops": _ops(
                [
                    ("insert", "apple"),
                    ("insert", "app"),
                    ("count_prefix", "ap"),
                    ("delete", "apple"),
                    ("starts_with", "appl"),
                    ("search", "app"),
                ]
            ),
        },
        {
            "id": "prefix-is-not-a-word",
            "ops": _ops(
                [
                    ("insert", "apple"),
                    ("search", "app"),
                    ("starts_with", "app"),
                    ("search", "apple"),
                ]
            ),
        },
        {
            "id": "insert-twice",
            "ops": _ops([("insert", "ml"), ("insert", "ml"), ("count_prefix", "m")]),
        },
        {
            "id": "delete-missing",
            "ops": _ops(
                [("insert", "tree"), ("delete", "tre"), ("delete", "trees"), ("search", "tree")]
            ),
        },
        {
            "id": "empty-prefix",
            "ops": _ops(
                [("starts_with", ""), ("insert", "a"), ("insert", "b"), ("count_prefix", "")]
            ),
        },
    ]


def hidden():
    return [
        {
            "id": "delete-twice",
            "ops": _ops(
                [("insert", "cat"), ("delete", "cat"), ("delete", "cat"), ("count_prefix", "c")]
            ),
            "note": "deleting the same word twice",
        },
        {
            "id": "empty-word",
            "ops": _ops(
                [
                    ("search", ""),
                    ("insert", ""),
                    ("search", ""),
                    ("count_prefix", ""),
                    ("insert", "x"),
                    ("delete", ""),
                    ("search", ""),
                    ("count_prefix", ""),
                ]
            ),
            "note": "the empty string as a word",
        },
        {
            "id": "delete-keeps-longer",
            "ops": _ops(
                [
                    ("insert", "to"),
                    ("insert", "token"),
                    ("delete", "to"),
                    ("search", "to"),
                    ("starts_with", "to"),
                    ("count_prefix", "tok"),
                ]
            ),
            "note": "deleting a word that is a prefix of another",
        },
        {
            "id": "two-tries",
            "runs": [
                _ops([("insert", "model"), ("insert", "mode"), ("count_prefix", "mod")]),
                _ops(
                    [
                        ("count_prefix", "mod"),
                        ("search", "model"),
                        ("insert", "mo"),
                        ("count_prefix", ""),
                    ]
                ),
            ],
            "note": "a second trie made after the first: each keeps its own words",
        },
        {
            "id": "unicode-and-case",
            "ops": _ops(
                [
                    ("insert", "Café"),
                    ("insert", "café"),
                    ("count_prefix", "caf"),
                    ("search", "Cafe"),
                    ("starts_with", "Caf"),
                ]
            ),
            "note": "non-ASCII characters and case",
        },
    ]


def _word(rng, alphabet="abc"):
    return "".join(
        alphabet[i] for i in rng.integers(0, len(alphabet), size=int(rng.integers(0, 6)))
    )


def generate(rng):
    calls = []
    for _ in range(600):
        r = rng.random()
        name = (
            "insert"
            if r < 0.35
            else "delete"
            if r < 0.5
            else "search"
            if r < 0.65
            else "starts_with"
            if r < 0.8
            else "count_prefix"
        )
        calls.append((name, _word(rng)))
    return {"ops": _ops(calls), "note": "600 random operations on short words over 'abc'"}


def expected(case):
    words, out = set(), [None]
    for name, (arg,) in case["ops"][1:]:
        if name == "insert":
            words.add(arg)
            out.append(None)
        elif name == "search":
            out.append(arg in words)
        elif name == "delete":
            out.append(arg in words)
            words.discard(arg)
        elif name == "starts_with":
            out.append(any(w.startswith(arg) for w in words))
        else:
            out.append(sum(w.startswith(arg) for w in words))
    return out


def sized(n, rng):
    letters = "abcdefgh"
    words = ["".join(letters[i] for i in row) for row in rng.integers(0, 8, size=(n, 8))]
    calls = [("insert", w) for w in words]
    calls += [("count_prefix", w[:2]) for w in words]
    return {"ops": _ops(calls)}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            {
                "ops": _ops(
                    [
                        ("insert", "apple"),
                        ("insert", "app"),
                        ("count_prefix", "ap"),
                        ("delete", "apple"),
                        ("starts_with", "appl"),
                        ("search", "app"),
                    ]
                )
            },
            shows=[
                '`insert("apple")`, `insert("app")`, `count_prefix("ap")` is 2, `delete("apple")`'
                ' returns `True`, then `starts_with("appl")` is `False` and `search("app")` is'
                " `True`"
            ],
            want=[None, None, None, 2, True, False, True],
        ),
        dict(
            {"ops": _ops([("insert", "app"), ("count_prefix", "app")])},
            shows=['after `insert("app")`, `count_prefix("app") == 1`'],
            want=[None, None, 1],
        ),
        dict(
            {"ops": _ops([("insert", "apple"), ("search", "app"), ("starts_with", "app")])},
            shows=[
                'after `insert("apple")` alone, `search("app")` is `False` while'
                ' `starts_with("app")` is `True`'
            ],
            want=[None, None, False, True],
        ),
    ]
