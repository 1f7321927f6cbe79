//go:build !amd64 || purego

package alignment

func distRowsArch(x, y []word3, stride int, n, d []int32) { distRowsGo(x, y, stride, n, d) }
