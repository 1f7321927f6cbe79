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

// func agreeRowsPOPCNT(x, y *word3, nw, stride, rows, minN int, scale float64, scores *float64, counts *int32)
//
// For each row r (y advancing by stride words): counts[r] = n and
// scores[r] = 1 - d/(scale*n), or NaN if n < minN, as agreeRowsGo.
TEXT ·agreeRowsPOPCNT(SB), NOSPLIT, $0-72
	MOVQ  x+0(FP), SI
	MOVQ  y+8(FP), DI
	MOVQ  nw+16(FP), R10
	MOVQ  stride+24(FP), R11
	LEAQ  (R11)(R11*2), R11
	SHLQ  $3, R11                // stride in bytes
	MOVSD scale+48(FP), X3
	MOVQ  $0x3FF0000000000000, AX
	MOVQ  AX, X4                 // 1.0
	XORQ  R12, R12               // row

row:
	XORL R8, R8                  // n
	XORL R9, R9                  // d
	MOVQ SI, BX
	MOVQ DI, CX
	MOVQ R10, DX
	SHRQ $1, DX
	JZ   last

pair:
	WORD(0)
	WORD(24)
	ADDQ $48, BX
	ADDQ $48, CX
	DECQ DX
	JNZ  pair

last:
	TESTQ $1, R10
	JZ    score
	WORD(0)

score:
	MOVQ counts+64(FP), AX
	MOVL R8, (AX)(R12*4)
	MOVQ scores+56(FP), AX
	CMPQ R8, minN+40(FP)
	JLT  nan

	// Clear before converting: CVTSQ2SD keeps the upper half of its
	// destination, which would chain each row to the previous division.
	XORPS    X0, X0
	XORPS    X1, X1
	CVTSQ2SD R9, X0
	CVTSQ2SD R8, X1
	MULSD    X3, X1
	DIVSD    X1, X0
	MOVAPS   X4, X2
	SUBSD    X0, X2
	MOVSD    X2, (AX)(R12*8)
	JMP      next

nan:
	// The bits of math.NaN().
	MOVQ $0x7FF8000000000001, BX
	MOVQ BX, (AX)(R12*8)

next:
	ADDQ R11, DI
	INCQ R12
	CMPQ R12, rows+32(FP)
	JLT  row
	RET
