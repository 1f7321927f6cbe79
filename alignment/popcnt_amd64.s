//go:build amd64 && !purego

#include "textflag.h"

// func cpuid1ECX() uint32
TEXT ·cpuid1ECX(SB), NOSPLIT, $0-4
	MOVL $1, AX
	XORL CX, CX
	CPUID
	MOVL CX, ret+0(FP)
	RET

// WORD adds the counts of the word3 at off(BX) against off(CX): a word3 is
// 24 bytes, cast at 0, notYes at 8, no at 16. With m = x.cast & y.cast,
// R8 += popcount(m) and R9 += popcount((x.notYes ^ y.notYes) & m) +
// popcount((x.no ^ y.no) & m). POPCNT writes its source register, so it
// carries no false dependency on an older value.
#define WORD(off) \
	MOVQ    off+0(BX), AX   \
	ANDQ    off+0(CX), AX   \
	MOVQ    off+8(BX), R13  \
	XORQ    off+8(CX), R13  \
	ANDQ    AX, R13         \
	MOVQ    off+16(BX), R14 \
	XORQ    off+16(CX), R14 \
	ANDQ    AX, R14         \
	POPCNTQ AX, AX          \
	POPCNTQ R13, R13        \
	POPCNTQ R14, R14        \
	ADDQ    AX, R8          \
	ADDQ    R13, R9         \
	ADDQ    R14, R9

// WORD2(off) is WORD for two rows at once: the row at CX into R8 and R9,
// the next one (CX+R11) into SI and R10, reading x once per word pair.
#define WORD2(off) \
	MOVQ    off+0(BX), AX         \
	ANDQ    off+0(CX), AX         \
	MOVQ    off+8(BX), R13        \
	XORQ    off+8(CX), R13        \
	ANDQ    AX, R13               \
	MOVQ    off+16(BX), R14       \
	XORQ    off+16(CX), R14       \
	ANDQ    AX, R14               \
	POPCNTQ AX, AX                \
	POPCNTQ R13, R13              \
	POPCNTQ R14, R14              \
	ADDQ    AX, R8                \
	ADDQ    R13, R9               \
	ADDQ    R14, R9               \
	MOVQ    off+0(BX), AX         \
	ANDQ    off+0(CX)(R11*1), AX  \
	MOVQ    off+8(BX), R13        \
	XORQ    off+8(CX)(R11*1), R13 \
	ANDQ    AX, R13               \
	MOVQ    off+16(BX), R14       \
	XORQ    off+16(CX)(R11*1), R14 \
	ANDQ    AX, R14               \
	POPCNTQ AX, AX                \
	POPCNTQ R13, R13              \
	POPCNTQ R14, R14              \
	ADDQ    AX, SI                \
	ADDQ    R13, R10              \
	ADDQ    R14, R10

// func agreeRowsPOPCNT(x, y *word3, nw, stride, rows, minN int, scale float64, scores *float64, counts *int32)
//
// For each row r (y advancing by stride words): counts[r] = n and
// scores[r] = 1 - d/(scale*n), or NaN if n < minN, as agreeRowsGo. Rows
// go two at a time, sharing the loads of x and one packed division.
TEXT ·agreeRowsPOPCNT(SB), NOSPLIT, $0-72
	MOVQ    y+8(FP), DI
	MOVQ    stride+24(FP), R11
	LEAQ    (R11)(R11*2), R11
	SHLQ    $3, R11               // stride in bytes
	MOVSD   scale+48(FP), X3
	MOVLHPS X3, X3                // scale, scale
	MOVQ    $0x3FF0000000000000, AX
	MOVQ    AX, X4
	MOVLHPS X4, X4                // 1.0, 1.0
	XORQ    R12, R12              // row

pairs:
	LEAQ 2(R12), AX
	CMPQ AX, rows+32(FP)
	JGT  single
	XORL R8, R8                   // n of row r
	XORL R9, R9                   // d of row r
	XORL SI, SI                   // n of row r+1
	XORL R10, R10                 // d of row r+1
	MOVQ x+0(FP), BX
	MOVQ DI, CX
	MOVQ nw+16(FP), DX

word2:
	WORD2(0)
	ADDQ $24, BX
	ADDQ $24, CX
	DECQ DX
	JNZ  word2

	MOVQ counts+64(FP), AX
	MOVL R8, (AX)(R12*4)
	MOVL SI, 4(AX)(R12*4)

	// Clear before converting: CVTSQ2SD keeps the upper half of its
	// destination, which would chain these rows to the previous ones.
	// A row with n = 0 divides 0 by 0 here (masked, a NaN) and is
	// overwritten below.
	XORPS    X0, X0
	XORPS    X5, X5
	XORPS    X1, X1
	XORPS    X6, X6
	CVTSQ2SD R9, X0
	CVTSQ2SD R10, X5
	CVTSQ2SD R8, X1
	CVTSQ2SD SI, X6
	UNPCKLPD X5, X0               // d_r, d_r+1
	UNPCKLPD X6, X1               // n_r, n_r+1
	MULPD    X3, X1
	DIVPD    X1, X0
	MOVAPS   X4, X2
	SUBPD    X0, X2
	MOVQ     scores+56(FP), AX
	MOVUPD   X2, (AX)(R12*8)

	// The bits of math.NaN() where n < minN.
	MOVQ $0x7FF8000000000001, BX
	MOVQ minN+40(FP), DX
	CMPQ R8, DX
	JGE  keep0
	MOVQ BX, (AX)(R12*8)

keep0:
	CMPQ SI, DX
	JGE  keep1
	MOVQ BX, 8(AX)(R12*8)

keep1:
	LEAQ (DI)(R11*2), DI
	ADDQ $2, R12
	JMP  pairs

single:
	CMPQ R12, rows+32(FP)
	JGE  done
	XORL R8, R8                   // n
	XORL R9, R9                   // d
	MOVQ x+0(FP), BX
	MOVQ DI, CX
	MOVQ nw+16(FP), DX

word:
	WORD(0)
	ADDQ $24, BX
	ADDQ $24, CX
	DECQ DX
	JNZ  word

	MOVQ     counts+64(FP), AX
	MOVL     R8, (AX)(R12*4)
	MOVQ     scores+56(FP), AX
	CMPQ     R8, minN+40(FP)
	JLT      nan
	XORPS    X0, X0
	XORPS    X1, X1
	CVTSQ2SD R9, X0
	CVTSQ2SD R8, X1
	MULSD    X3, X1
	DIVSD    X1, X0
	MOVAPS   X4, X2
	SUBSD    X0, X2
	MOVSD    X2, (AX)(R12*8)
	RET

nan:
	MOVQ $0x7FF8000000000001, BX
	MOVQ BX, (AX)(R12*8)

done:
	RET
