//go:build amd64 && !purego

package alignment

// hasPOPCNT reports whether the CPU has POPCNT (CPUID leaf 1, ECX bit 23).
// The default build (GOAMD64=v1) cannot assume it, so math/bits tests for
// it at every OnesCount64; the assembly kernel tests once, here.
var hasPOPCNT = cpuid1ECX()&(1<<23) != 0

// cpuid1ECX returns ECX of CPUID leaf 1.
func cpuid1ECX() uint32

// distRowsPOPCNT is distRows for nw >= 1 words and rows >= 1, with stride
// in words.
//
//go:noescape
func distRowsPOPCNT(x, y *word3, nw, stride, rows int, n, d *int32)

func distRowsArch(x, y []word3, stride int, n, d []int32) {
	if !hasPOPCNT {
		distRowsGo(x, y, stride, n, d)
		return
	}
	distRowsPOPCNT(&x[0], &y[0], len(x), stride, len(n), &n[0], &d[0])
}
