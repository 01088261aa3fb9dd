// Writes the Swift sources that the build plugins add to rigger: the presets compiled in, and the
// commit the binary is built from. It uses the C library only, not Foundation, so that it builds
// and links in seconds whatever flags the release build passes to every target.
//
//   RiggerBuildTool embed-presets OUTPUT PRESETS-FOLDER
//   RiggerBuildTool build-commit OUTPUT [GIT-FOLDER COMMON-GIT-FOLDER]

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the build with a message that names the tool.
func fail(_ message: String) -> Never {
    let text = "RiggerBuildTool: \(message)\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    exit(1)
}

/// A file's bytes; the build stops when it can't be read.
func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fail("cannot read \(path): \(String(cString: strerror(errno)))") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
        if count < buffer.count { break }
    }
    if ferror(file) != 0 { fail("cannot read \(path)") }
    return bytes
}

/// Writes a file unless it already holds the text, so that an unchanged result doesn't make
/// the build compile its target again.
func writeFile(_ path: String, _ text: String) {
    if let file = fopen(path, "rb") {
        fclose(file)
        if readFile(path) == Array(text.utf8) { return }
    }
    guard let file = fopen(path, "wb") else { fail("cannot write \(path): \(String(cString: strerror(errno)))") }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    if written != bytes.count || fclose(file) != 0 { fail("cannot write \(path)") }
}

/// A Swift string literal for any text: one line, with quotes, backslashes and control
/// characters escaped, so that no file's content can end the literal or need a raw delimiter.
func swiftLiteral(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                literal += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                literal.unicodeScalars.append(scalar)
            }
        }
    }
    return literal + "\""
}

/// The relative paths of the `.yaml` files under a folder, at any depth, hidden entries aside.
func yamlFiles(under root: String, prefix: String = "") -> [String] {
    guard let folder = opendir(root + (prefix.isEmpty ? "" : "/" + prefix)) else { fail("cannot read the folder \(root)/\(prefix)") }
    defer { closedir(folder) }
    var paths: [String] = []
    while let entry = readdir(folder) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasPrefix(".") { continue }
        let path = prefix.isEmpty ? name : prefix + "/" + name
        var status = stat()
        guard stat(root + "/" + path, &status) == 0 else { continue }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            paths += yamlFiles(under: root, prefix: path)
        } else if name.hasSuffix(".yaml") {
            paths.append(path)
        }
    }
    return paths
}

/// The source of `embeddedPresetFiles`: every preset file's relative path and text.
func embeddedPresetsSource(root: String) -> String {
    var source = "// Generated at build time from the YAML files under presets/; edit those, not this.\n\n"
    source += "let embeddedPresetFiles: [(path: String, text: String)] = [\n"
    for path in yamlFiles(under: root).sorted() {
        let bytes = readFile(root + "/" + path)
        let text = String(decoding: bytes, as: UTF8.self)
        guard Array(text.utf8) == bytes else { fail("presets/\(path) is not UTF-8") }
        source += "    (\(swiftLiteral(path)), \(swiftLiteral(text))),\n"
    }
    return source + "]\n"
}

/// The first line of a file, or nil when it can't be read.
func firstLine(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    fclose(file)
    let line = readFile(path).prefix { $0 != 0x0A && $0 != 0x0D }
    return String(decoding: line, as: UTF8.self)
}

/// Whether a text is a full git object id (SHA-1 or SHA-256).
func isObjectID(_ text: Substring) -> Bool {
    (text.count == 40 || text.count == 64) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
}

/// The commit HEAD names, read from git's files: HEAD, then the ref it points to as a loose file
/// or in packed-refs. Nil for anything else (such as a reftable repository).
func headCommit(worktree: String, common: String) -> String? {
    guard let head = firstLine(worktree + "/HEAD") else { return nil }
    if isObjectID(Substring(head)) { return head }
    guard head.hasPrefix("ref: ") else { return nil }
    let ref = String(head.dropFirst(5))
    for folder in [worktree, common] {
        if let id = firstLine(folder + "/" + ref), isObjectID(Substring(id)) { return id }
    }
    guard let packed = fopen(common + "/packed-refs", "rb") else { return nil }
    fclose(packed)
    let lines = String(decoding: readFile(common + "/packed-refs"), as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" })
    for line in lines {
        let fields = line.split(separator: " ", maxSplits: 1)
        if fields.count == 2, fields[1] == ref, isObjectID(fields[0]) { return String(fields[0]) }
    }
    return nil
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { fail("usage: embed-presets OUTPUT FOLDER | build-commit OUTPUT [GIT-FOLDER COMMON-GIT-FOLDER]") }
let output = arguments[1]

switch arguments[0] {
case "embed-presets" where arguments.count == 3:
    writeFile(output, embeddedPresetsSource(root: arguments[2]))
case "build-commit" where arguments.count == 2 || arguments.count == 4:
    let commit = arguments.count == 4 ? headCommit(worktree: arguments[2], common: arguments[3]).map { String($0.prefix(12)) } : nil
    writeFile(output, "// Generated at build time from the checkout's git HEAD.\n\nlet buildCommit = \(swiftLiteral(commit ?? "unknown"))\n")
default:
    fail("unknown command line: \(arguments.joined(separator: " "))")
}
