def bpe(corpus: str, num_merges: int, text: str) -> tuple[list[tuple[str, str]], list[str]]:
    raise NotImplementedError
