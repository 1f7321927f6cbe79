package votes

// idIndex maps roll-call IDs to indexes. The unvotes and Voeten IDs are
// small and dense, and are looked up once per vote row in some files, so
// they are kept in a slice; the UN Digital Library's record numbers, in the
// millions, go to a map.
type idIndex struct {
	small []int32 // 1 + index by ID, 0 if none
	large map[int]int
}

// maxSmallID bounds the IDs idIndex keeps in its slice.
const maxSmallID = 1 << 16

func (x *idIndex) get(id int) (int, bool) {
	if uint(id) < maxSmallID {
		if id < len(x.small) && x.small[id] != 0 {
			return int(x.small[id]) - 1, true
		}
		return 0, false
	}
	k, ok := x.large[id]
	return k, ok
}

func (x *idIndex) set(id, k int) {
	if uint(id) < maxSmallID {
		if id >= len(x.small) {
			x.small = append(x.small, make([]int32, id+1-len(x.small)+max(1024, len(x.small)/2))...)
		}
		x.small[id] = int32(k) + 1
		return
	}
	if x.large == nil {
		x.large = make(map[int]int)
	}
	x.large[id] = k
}

// unset removes the given IDs, cheaper than a new index when few are set.
func (x *idIndex) unset(ids []int32) {
	for _, id := range ids {
		if uint(id) < uint(len(x.small)) {
			x.small[id] = 0
		}
	}
	clear(x.large)
}

// rollCallList holds roll calls in chunks of fixed size, so that adding one
// never copies those before it: a RollCall is some 300 bytes, and a file
// holds thousands.
type rollCallList struct {
	chunks [][]RollCall
	n      int
}

const rollCallChunk = 256

func (l *rollCallList) len() int { return l.n }

func (l *rollCallList) at(k int) *RollCall { return &l.chunks[k/rollCallChunk][k%rollCallChunk] }

func (l *rollCallList) add(rc RollCall) int {
	if l.n%rollCallChunk == 0 {
		l.chunks = append(l.chunks, make([]RollCall, 0, rollCallChunk))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, rc)
	l.n++
	return l.n - 1
}
