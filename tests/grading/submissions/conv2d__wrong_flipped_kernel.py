# problem: conv2d
# expect: verdict=wrong_answer
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    # The textbook (signal-processing) convolution flips the kernel; deep learning's does not.
    n, c_in, h, w = x.shape
    c_out, c_in_w, kh, kw = weight.shape
    if c_in != c_in_w or stride < 1 or padding < 0:
        raise ValueError("bad arguments")
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    if h_out < 1 or w_out < 1:
        raise ValueError("too small")
    weight = torch.flip(weight, dims=(2, 3))
    xp = F.pad(x, (padding,) * 4)
    out = x.new_zeros((n, c_out, h_out, w_out))
    for a in range(kh):
        for b in range(kw):
            window = xp[:, :, a : a + stride * h_out : stride, b : b + stride * w_out : stride]
            out += torch.einsum("nchw,oc->nohw", window, weight[:, :, a, b])
    if bias is not None:
        out += bias[None, :, None, None]
    return out
