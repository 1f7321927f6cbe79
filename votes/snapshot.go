package votes

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"maps"
	"slices"
	"time"

	"github.com/unga-go/unga/internal/countries"
)

// ErrBadSnapshot reports data that UnmarshalBinary cannot read: not made
// by MarshalBinary, of another version of the encoding, truncated or
// corrupt.
var ErrBadSnapshot = errors.New("votes: bad dataset snapshot")

// The encoding of MarshalBinary: a header, the body, and the CRC-32 (IEEE)
// of header and body, little-endian, so that a corrupt snapshot is refused
// rather than read as other votes.
//
// The body holds, in unsigned varints unless said otherwise: a table of
// the distinct strings (count, then each as length and bytes), to which
// every string field refers by index; the states (count, then each COW
// code); the roll calls (count, then each field of RollCall in the order
// of snapshotRollCall); the votes, state by state, as runs (vote byte,
// run length) that fill each row exactly; the member flags and notes by
// cell, in cell order; and the adoptions.
const (
	snapshotMagic   = "unga-votes-snapshot\x00"
	snapshotVersion = 1
)

// snapshotEpoch is the day dates count from: day 1 is 1945-01-01, 0 no
// date.
var snapshotEpoch = time.Date(1944, time.December, 31, 0, 0, 0, 0, time.UTC)

// MarshalBinary encodes d in a compact binary form that UnmarshalBinary
// reads back into an equal dataset, every field of every roll call, vote,
// member flag, note and adoption count included, many times faster than
// any text layout is read: package undata embeds its record so. The
// encoding is the same for equal datasets, byte for byte. It is this
// package's own, versioned, and not meant for exchange: use Write for
// that.
func (d *Dataset) MarshalBinary() ([]byte, error) {
	e := &snapshotEncoder{refs: make(map[string]int)}
	// The roll calls and sparse cells, written once the strings they
	// use are in the table.
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(d.countries)))
	for _, c := range d.countries {
		body = binary.AppendUvarint(body, uint64(c.COW))
	}
	body = binary.AppendUvarint(body, uint64(len(d.rollCalls)))
	for j := range d.rollCalls {
		body = e.rollCall(body, &d.rollCalls[j])
	}
	nr := len(d.rollCalls)
	for i := range d.countries {
		row := d.votes[i*nr : (i+1)*nr]
		for k := 0; k < len(row); {
			n := 1
			for k+n < len(row) && row[k+n] == row[k] {
				n++
			}
			body = append(body, byte(row[k]))
			body = binary.AppendUvarint(body, uint64(n))
			k += n
		}
	}
	cells := slices.Sorted(maps.Keys(d.member))
	body = binary.AppendUvarint(body, uint64(len(cells)))
	for _, cell := range cells {
		body = binary.AppendUvarint(body, uint64(cell))
		body = append(body, byte(d.member[cell]))
	}
	cells = slices.Sorted(maps.Keys(d.notes))
	body = binary.AppendUvarint(body, uint64(len(cells)))
	for _, cell := range cells {
		body = binary.AppendUvarint(body, uint64(cell))
		body = e.str(body, d.notes[cell])
	}
	body = binary.AppendUvarint(body, uint64(len(d.adoptions)))
	for _, a := range d.adoptions {
		body = binary.AppendUvarint(body, uint64(a.Session))
		body = e.str(body, a.Special)
		for _, n := range [...]int{a.WithoutVote, a.RecordedVote, a.Unstated} {
			body = binary.AppendUvarint(body, uint64(n))
		}
	}

	out := append([]byte(snapshotMagic), snapshotVersion)
	out = binary.AppendUvarint(out, uint64(len(e.strs)))
	for _, s := range e.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	out = append(out, body...)
	return binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(out)), nil
}

type snapshotEncoder struct {
	strs []string
	refs map[string]int
}

// str appends a reference to s, adding s to the table if it is new.
func (e *snapshotEncoder) str(b []byte, s string) []byte {
	k, ok := e.refs[s]
	if !ok {
		k = len(e.strs)
		e.refs[s] = k
		e.strs = append(e.strs, s)
	}
	return binary.AppendUvarint(b, uint64(k))
}

// rollCall appends the fields of rc, in the order snapshotRollCall reads
// them. A field added to RollCall must be added here and there:
// TestMarshalBinaryEveryField fails until it is.
func (e *snapshotEncoder) rollCall(b []byte, rc *RollCall) []byte {
	b = binary.AppendVarint(b, int64(rc.ID))
	b = binary.AppendUvarint(b, uint64(rc.Session))
	days := 0
	if !rc.Date.IsZero() {
		days = int(rc.Date.Sub(snapshotEpoch) / (24 * time.Hour))
	}
	b = binary.AppendUvarint(b, uint64(days))
	for _, s := range [...]string{rc.Special, rc.Resolution, rc.RawResolution, rc.Short, rc.Title, rc.Description,
		rc.Draft, rc.CommitteeReport, rc.Meeting, rc.AgendaTitle, rc.Subjects, rc.Link, rc.Committee, rc.AgendaItem, rc.Source} {
		b = e.str(b, s)
	}
	for _, l := range [...][]string{rc.SDGs, rc.OtherSponsors} {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			b = e.str(b, s)
		}
	}
	for _, l := range [...][]Country{rc.Sponsors, rc.AdditionalSponsors} {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, c := range l {
			b = binary.AppendUvarint(b, uint64(c.COW))
		}
	}
	var bits byte
	if rc.HasTotals {
		bits |= 1
	}
	if rc.Unanimous {
		bits |= 2
	}
	b = append(b, byte(rc.Issues), byte(rc.Important), byte(rc.Amendment), byte(rc.Paragraph), bits)
	t := rc.Totals
	for _, n := range [...]int{t.Yes, t.No, t.Abstain, t.NonVoting, t.Members} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	return b
}

// UnmarshalBinary sets d to the dataset MarshalBinary encoded in data,
// which it does not keep. It must be called on a new Dataset, never on one
// in use, which it would change under its readers. It returns an error
// wrapping ErrBadSnapshot, and leaves d unchanged, if data is not such an
// encoding of this version or is corrupt: a checksum guards every byte.
func (d *Dataset) UnmarshalBinary(data []byte) error {
	out, err := readSnapshot(data)
	if err != nil {
		return err
	}
	*d = *out
	return nil
}

// snapshotDecoder reads a snapshot; the first problem sets err, after
// which every read returns zero values.
type snapshotDecoder struct {
	data string // the whole snapshot: the strings read share its memory
	pos  int
	strs []string
	err  error
}

func (r *snapshotDecoder) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: at byte %d: %s", ErrBadSnapshot, r.pos, fmt.Sprintf(format, args...))
	}
}

func (r *snapshotDecoder) uvarint() int {
	if r.err != nil {
		return 0
	}
	var x uint64
	for shift := uint(0); ; shift += 7 {
		if r.pos >= len(r.data) || shift > 56 {
			r.fail("truncated or overlong number")
			return 0
		}
		c := r.data[r.pos]
		r.pos++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	if x > 1<<40 {
		r.fail("number %d out of range", x)
		return 0
	}
	return int(x)
}

// count reads a number of items that each take at least one byte.
func (r *snapshotDecoder) count() int {
	n := r.uvarint()
	if n > len(r.data)-r.pos {
		r.fail("%d items in %d bytes", n, len(r.data)-r.pos)
		return 0
	}
	return n
}

func (r *snapshotDecoder) varint() int {
	u := uint64(r.uvarint())
	x := int(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (r *snapshotDecoder) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.pos >= len(r.data) {
		r.fail("truncated")
		return 0
	}
	r.pos++
	return r.data[r.pos-1]
}

func (r *snapshotDecoder) str() string {
	k := r.uvarint()
	if k >= len(r.strs) {
		r.fail("string %d of %d", k, len(r.strs))
		return ""
	}
	return r.strs[k]
}

func (r *snapshotDecoder) country() Country {
	cow := r.uvarint()
	p, ok := countries.Pos(cow)
	if !ok {
		r.fail("unknown COW code %d", cow)
		return Country{}
	}
	return countryAt(p)
}

func (r *snapshotDecoder) flag() Flag {
	f := Flag(r.byte())
	if f > FlagTrue {
		r.fail("flag %d", f)
	}
	return f
}

func readSnapshot(data []byte) (*Dataset, error) {
	n := len(data) - 4
	if n < len(snapshotMagic)+1 || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return nil, fmt.Errorf("%w: not a dataset snapshot", ErrBadSnapshot)
	}
	if v := data[len(snapshotMagic)]; v != snapshotVersion {
		return nil, fmt.Errorf("%w: version %d, this package reads version %d: make it again with MarshalBinary", ErrBadSnapshot, v, snapshotVersion)
	}
	if crc32.ChecksumIEEE(data[:n]) != binary.LittleEndian.Uint32(data[n:]) {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupt)", ErrBadSnapshot)
	}
	r := &snapshotDecoder{data: string(data[:n]), pos: len(snapshotMagic) + 1}
	r.strs = make([]string, r.count())
	for k := range r.strs {
		l := r.uvarint()
		if r.err != nil || l > len(r.data)-r.pos {
			r.fail("string of %d bytes", l)
			break
		}
		r.strs[k] = r.data[r.pos : r.pos+l]
		r.pos += l
	}
	d := &Dataset{countries: make([]Country, r.count())}
	d.index = make(map[int]int, len(d.countries))
	for i := range d.countries {
		d.countries[i] = r.country()
		if i > 0 && d.countries[i].COW <= d.countries[i-1].COW {
			r.fail("states out of COW order")
		}
		d.index[d.countries[i].COW] = i
	}
	d.rollCalls = make([]RollCall, r.count())
	for j := range d.rollCalls {
		r.rollCall(&d.rollCalls[j])
		if j > 0 && r.err == nil {
			x, y := &d.rollCalls[j-1], &d.rollCalls[j]
			if c := cmp.Or(cmp.Compare(x.Session, y.Session), x.Date.Compare(y.Date), cmp.Compare(x.ID, y.ID)); c >= 0 {
				r.fail("roll calls out of order at %d", j)
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	nr := len(d.rollCalls)
	cells := len(d.countries) * nr
	d.votes = make([]Vote, cells)
	for i := range d.countries {
		row := d.votes[i*nr : (i+1)*nr]
		for k := 0; k < nr && r.err == nil; {
			v := Vote(r.byte())
			run := r.uvarint()
			if v > NonMember || run < 1 || run > nr-k {
				r.fail("vote %d, run %d at column %d of %d", v, run, k, nr)
				break
			}
			if v != NoRecord {
				for c := k; c < k+run; c++ {
					row[c] = v
				}
			}
			k += run
		}
	}
	cell := func(last int) int {
		c := r.uvarint()
		if c >= cells || c <= last {
			r.fail("cell %d", c)
		}
		return c
	}
	if n := r.count(); n > 0 {
		d.member = make(map[int]Flag, n)
		for last := -1; n > 0 && r.err == nil; n-- {
			last = cell(last)
			d.member[last] = r.flag()
		}
	}
	if n := r.count(); n > 0 {
		d.notes = make(map[int]string, n)
		for last := -1; n > 0 && r.err == nil; n-- {
			last = cell(last)
			d.notes[last] = r.str()
		}
	}
	if n := r.count(); n > 0 {
		d.adoptions = make([]Adoption, n)
		for k := range d.adoptions {
			a := &d.adoptions[k]
			a.Session, a.Special = r.uvarint(), r.str()
			a.WithoutVote, a.RecordedVote, a.Unstated = r.uvarint(), r.uvarint(), r.uvarint()
		}
	}
	if r.err == nil && r.pos != len(r.data) {
		r.fail("%d bytes left over", len(r.data)-r.pos)
	}
	if r.err != nil {
		return nil, r.err
	}
	return d, nil
}

// rollCall reads the fields snapshotEncoder.rollCall writes.
func (r *snapshotDecoder) rollCall(rc *RollCall) {
	rc.ID = r.varint()
	rc.Session = r.uvarint()
	if days := r.uvarint(); days > 0 {
		if days > 200*366 {
			r.fail("day %d", days)
		}
		rc.Date = snapshotEpoch.AddDate(0, 0, days)
	}
	for _, s := range [...]*string{&rc.Special, &rc.Resolution, &rc.RawResolution, &rc.Short, &rc.Title, &rc.Description,
		&rc.Draft, &rc.CommitteeReport, &rc.Meeting, &rc.AgendaTitle, &rc.Subjects, &rc.Link, &rc.Committee, &rc.AgendaItem, &rc.Source} {
		*s = r.str()
	}
	for _, l := range [...]*[]string{&rc.SDGs, &rc.OtherSponsors} {
		if n := r.count(); n > 0 {
			*l = make([]string, n)
			for k := range *l {
				(*l)[k] = r.str()
			}
		}
	}
	for _, l := range [...]*[]Country{&rc.Sponsors, &rc.AdditionalSponsors} {
		if n := r.count(); n > 0 {
			*l = make([]Country, n)
			for k := range *l {
				(*l)[k] = r.country()
			}
		}
	}
	if rc.Issues = Issue(r.byte()); rc.Issues >= 1<<len(issueCodes) {
		r.fail("issues %d", rc.Issues)
	}
	rc.Important, rc.Amendment, rc.Paragraph = r.flag(), r.flag(), r.flag()
	bits := r.byte()
	if bits > 3 {
		r.fail("bits %d", bits)
	}
	rc.HasTotals, rc.Unanimous = bits&1 != 0, bits&2 != 0
	t := &rc.Totals
	t.Yes, t.No, t.Abstain, t.NonVoting, t.Members = r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint()
}
