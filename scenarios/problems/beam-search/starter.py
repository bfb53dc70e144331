import numpy as np


def beam_search(
    log_probs: np.ndarray, bos: int, eos: int, beam_width: int, max_len: int
) -> list[tuple[list[int], float]]:
    raise NotImplementedError
