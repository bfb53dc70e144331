import numpy as np


def sample_tokens(
    logits: np.ndarray, temperature: float, top_k: int | None, top_p: float, seed: int
) -> np.ndarray:
    raise NotImplementedError
