//go:build amd64 && !purego

#include "textflag.h"

// func cpuid1ECX() uint32
TEXT ·cpuid1ECX(SB), NOSPLIT, $0-4
	MOVL $1, AX
	XORL CX, CX
	CPUID
	MOVL CX, ret+0(FP)
	RET

// func distRowsPOPCNT(x, y *word3, nw, stride, rows int, n, d *int32)
//
// A word3 is 24 bytes: cast at 0, notYes at 8, no at 16. For row r,
// m = x.cast & y.cast; n[r] = sum popcount(m), d[r] = sum
// popcount((x.notYes ^ y.notYes) & m) + popcount((x.no ^ y.no) & m).
TEXT ·distRowsPOPCNT(SB), NOSPLIT, $0-56
	MOVQ x+0(FP), SI
	MOVQ y+8(FP), DI
	MOVQ nw+16(FP), R10
	MOVQ stride+24(FP), R11
	LEAQ (R11)(R11*2), R11
	SHLQ $3, R11            // stride in bytes
	XORQ R12, R12           // row

row:
	XORL R8, R8             // n
	XORL R9, R9             // d
	MOVQ SI, BX
	MOVQ DI, CX
	MOVQ R10, DX

word:
	MOVQ    0(BX), AX
	ANDQ    0(CX), AX
	MOVQ    8(BX), R13
	XORQ    8(CX), R13
	ANDQ    AX, R13
	MOVQ    16(BX), R14
	XORQ    16(CX), R14
	ANDQ    AX, R14
	POPCNTQ AX, AX
	POPCNTQ R13, R13
	POPCNTQ R14, R14
	ADDQ    AX, R8
	ADDQ    R13, R9
	ADDQ    R14, R9
	ADDQ    $24, BX
	ADDQ    $24, CX
	DECQ    DX
	JNZ     word

	MOVQ n+40(FP), AX
	MOVL R8, (AX)(R12*4)
	MOVQ d+48(FP), AX
	MOVL R9, (AX)(R12*4)
	ADDQ R11, DI
	INCQ R12
	CMPQ R12, rows+32(FP)
	JLT  row
	RET
