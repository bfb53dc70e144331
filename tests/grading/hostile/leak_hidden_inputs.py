# problem: prune-weights
# expect: verdict=runtime_error
# needs: hidden
# Hidden inputs must not come back in any message: not through an exception's text, its
# class name, a memory error's or a file-size error's text, nor printed output. The test
# checks that every hidden test's message is the judge's own sentence.
import torch

def prune_weights(weights, threshold):
    data = 'LEAK' + ','.join(f'{v:.3f}' for v in weights.flatten().tolist()[:8]) + f'|{threshold}'
    print(data)
    kind = (weights.numel() + int(threshold * 7)) % 4  # a different way out per case
    if kind == 0:
        raise type('Leak_' + str(int(abs(threshold) * 1000)), (Exception,), {})(data)
    if kind == 1:
        raise MemoryError(data)
    if kind == 2:
        raise OSError(27, 'File too large: ' + data)
    raise ValueError(data)
