"""Writes data/question-*.npz (and the 2x3 as .csv): the question's shapes, drawn by NumPy itself.

Run from the repository root with Debian's NumPy: /usr/bin/python3 tools/data/make_question_problems.py
Each file holds np.random.seed(0); A = np.random.random((n, d)); b = np.random.random((n, 1)),
saved with np.savez(path, A=A, b=b) (float64, C order, stored zip entries), the same draw as
`torchfit ... --numpy-seed 0 --n n --d d`.
"""
import numpy as np

for n, d in [(2, 3), (200, 300)]:
    np.random.seed(0)
    A = np.random.random((n, d))
    b = np.random.random((n, 1))
    path = f"data/question-{n}x{d}-seed0.npz"
    np.savez(path, A=A, b=b)
    print(path)
    if n * d <= 6:
        csv = f"data/question-{n}x{d}-seed0.csv"
        header = ",".join([f"a{j + 1}" for j in range(d)] + ["b"])
        # repr precision (17 significant digits) so the text round-trips to the same doubles.
        np.savetxt(csv, np.hstack([A, b]), delimiter=",", header=header, comments="", fmt="%r")
        print(csv)
