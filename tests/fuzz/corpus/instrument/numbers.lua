return 0x1p-3, 1e+5, 3ULL, 1i, .5, 0x.8p1, 0xA, 2^-2, 1e-3, 0XfF, 7LL + 1
