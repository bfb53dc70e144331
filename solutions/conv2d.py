import torch
import torch.nn.functional as F


def conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    n, c_in, h, w = x.shape
    c_out, c_in_w, kh, kw = weight.shape
    if c_in != c_in_w:
        raise ValueError(f"x has {c_in} channels but weight expects {c_in_w}")
    if stride < 1 or padding < 0:
        raise ValueError("stride must be >= 1 and padding >= 0")
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    if h_out < 1 or w_out < 1:
        raise ValueError("the kernel does not fit in the padded input")
    xp = F.pad(x, (padding, padding, padding, padding))
    out = x.new_zeros((n, c_out, h_out, w_out))
    # One pass per kernel offset (kH * kW of them); each pass covers every output pixel.
    for a in range(kh):
        for b in range(kw):
            window = xp[:, :, a : a + stride * h_out : stride, b : b + stride * w_out : stride]
            out += torch.einsum("nchw,oc->nohw", window, weight[:, :, a, b])
    if bias is not None:
        out += bias[None, :, None, None]
    return out
