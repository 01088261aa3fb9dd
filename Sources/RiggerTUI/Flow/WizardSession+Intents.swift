import RiggerCore

/// What a front end asks of the flow, in its own words rather than as keys: the full screen maps
/// Enter, Esc and Ctrl-C to these, plain mode maps its replies to them, and neither imitates the other.
extension WizardSession {
    /// Goes on from the page: checks it and moves to the next page (or to the first field of this
    /// one that needs an answer), and on the review writes exactly the bundle reviewed.
    public func next() {
        noteFieldsSeen()
        if page == .review { writeReviewedBundle() } else { advance() }
        applyClusterAnswers()
    }

    /// The page before, with everything typed kept.
    public func back() {
        noteFieldsSeen()
        goBack()
        applyClusterAnswers()
    }

    /// On the resume page: takes up the draft found in the folder, or starts over without it.
    public func answerResume(_ resume: Bool) {
        resumeSelected = resume
        if resume, let draft = pendingDraft { self.resume(draft) } else { startOver() }
    }

    /// Ends the run without writing: this run's draft goes, with the folder if the draft alone made it.
    public func quitWithoutWriting() {
        confirmingQuit = false
        discardDraft()
    }
}
