package votes

// Each layout accepts exactly the vote codes it documents, so that a code
// of another layout ("2" in the Digital Library's file, "Y" in Voeten's)
// is an error rather than read as what it means elsewhere. A bad code's
// error lists the codes the layout takes.

const (
	unvotesCodes   = "want yes, abstain or no"
	voetenCodes    = "want 1 yes, 2 abstain, 3 no, 8 absent or 9 non-member"
	undlCodes      = "want Y, N, A, X or empty"
	canonicalCodes = "want yes, abstain, no, absent or non-member"
)

// unvotesVote parses the vote column of un_votes.csv.
func unvotesVote(b []byte) (Vote, bool) {
	switch string(b) {
	case "yes":
		return Yes, true
	case "abstain":
		return Abstain, true
	case "no":
		return No, true
	}
	return NoRecord, false
}

// voetenVote parses Voeten's vote column.
func voetenVote(b []byte) (Vote, bool) {
	if len(b) != 1 || voteByCode[b[0]] == NoRecord {
		return NoRecord, false
	}
	return voteByCode[b[0]], true
}

// undlVoteCode parses the Digital Library's ms_vote column; empty is
// NoRecord, which the reader records as Absent.
func undlVoteCode(b []byte) (Vote, bool) {
	if len(b) == 0 {
		return NoRecord, true
	}
	if len(b) == 1 {
		switch b[0] {
		case 'Y':
			return Yes, true
		case 'N':
			return No, true
		case 'A':
			return Abstain, true
		case 'X':
			return Absent, true
		}
	}
	return NoRecord, false
}

// canonicalVote parses the vote column Write writes: Vote.String.
func canonicalVote(b []byte) (Vote, bool) {
	switch string(b) {
	case "absent":
		return Absent, true
	case "non-member":
		return NonMember, true
	}
	return unvotesVote(b)
}
