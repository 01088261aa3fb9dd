/// A unified diff of two texts, as `diff -u` prints it, from the standard library's
/// `CollectionDifference` of their lines.
public enum UnifiedDiff {
    /// The diff with `context` lines around each change; empty when the texts are equal.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides together: an edit script of kept, removed and added lines.
        enum Step { case keep(Int, Int), remove(Int), add(Int) }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                steps.append(.remove(i)); i += 1
            } else if j < b.count, inserted.contains(j) {
                steps.append(.add(j)); j += 1
            } else if i < a.count, j < b.count {
                steps.append(.keep(i, j)); i += 1; j += 1
            } else if i < a.count {
                steps.append(.remove(i)); i += 1
            } else {
                steps.append(.add(j)); j += 1
            }
        }
        let changed = steps.indices.filter { if case .keep = steps[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return "" }
        // Group changes whose context overlaps into hunks.
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(steps.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        var out = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks {
            var body: [String] = []
            var oldStart: Int?, newStart: Int?
            var oldCount = 0, newCount = 0
            for step in steps[hunk] {
                switch step {
                case .keep(let x, let y):
                    oldStart = oldStart ?? x; newStart = newStart ?? y
                    oldCount += 1; newCount += 1
                    body.append(" " + a[x])
                case .remove(let x):
                    oldStart = oldStart ?? x
                    oldCount += 1
                    body.append("-" + a[x])
                case .add(let y):
                    newStart = newStart ?? y
                    newCount += 1
                    body.append("+" + b[y])
                }
            }
            let oldFrom = oldCount == 0 ? (oldStart ?? 0) : (oldStart ?? 0) + 1
            let newFrom = newCount == 0 ? (newStart ?? 0) : (newStart ?? 0) + 1
            out.append("@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@")
            out += body
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func lines(_ text: String) -> [String] {
        var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if all.last == "" { all.removeLast() }
        return all
    }
}
