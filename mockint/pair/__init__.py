"""Pair practice over SSH: `mockint serve` (asyncssh front door, room hub, warm launcher of
app processes in pseudo-terminals) and `mockint pair` (the host's own interviewer screen).

Process layout (see DESIGN.md, "Pair practice over SSH"):

    ssh client -> server (asyncssh, auth, hub, store writes)
                    |-- pty -- app process (interviewer) --+ JSON lines over a Unix socket
                    '-- pty -- app process (candidate)   --+ in a private 0700 directory

Roles come from authentication only: an authorized key makes an interviewer, a live room
code used as the SSH user name makes a candidate. The hub decides what each role may send
and receive; the interviewer's private notes and rubric never reach a candidate's process.
"""
