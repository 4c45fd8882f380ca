import Foundation

/// The manual page (man(7) macros) written from the command tree the argument parser describes,
/// so the page says what `--help` says, in Chinese and English alike. The sections the parser
/// knows nothing of (where templates are found, the environment) come from `CLIText.Manual`.
struct ManPage {
    let root: CommandHelp
    let version: String
    /// `YYYY-MM-DD`, or empty: passed in so that a package build is reproducible.
    let date: String

    func render() -> String {
        var out: [String] = []
        let name = root.commandName
        out.append(".TH \(Self.quoted(name.uppercased())) 1 \(Self.quoted(date)) \(Self.quoted(name + " " + version)) \(Self.quoted(CLIText.Manual.header))")
        // Left-aligned and unhyphenated: Chinese has no spaces to stretch, and a path split at a
        // hyphen could be copied wrongly.
        out += [".nh", ".ad l"]
        out.append(".SH NAME")
        out.append(Self.text(name) + " \\- " + Self.text(root.abstract ?? ""))
        out.append(".SH SYNOPSIS")
        let defaultCommand = root.visibleSubcommands.first { $0.commandName == root.defaultSubcommand }
        out.append(synopsis([name], defaultCommand?.visibleArguments.filter { $0.kind == .positional } ?? []))
        out.append(".br")
        out.append(".B " + Self.text(name))
        out.append(Self.text("<subcommand> [<options>]"))
        out.append(".br")
        out.append(".B " + Self.text(name))
        out.append(Self.text("--version | --help"))
        out.append(".SH DESCRIPTION")
        out += Self.paragraphs(root.discussion)
        out.append(".SH OPTIONS")
        out += root.visibleArguments.flatMap(Self.item)
        out.append(".SH COMMANDS")
        for sub in root.visibleSubcommands {
            out.append(".SS " + Self.quoted(name + " " + sub.commandName))
            // --help and --version belong to every command and are listed once, under OPTIONS.
            let own = sub.visibleArguments.filter { a in !a.spelledNames.contains { $0 == "--help" || $0 == "--version" } }
            out.append(synopsis([name, sub.commandName], own))
            out.append(".PP")
            out.append(Self.text(sub.abstract ?? ""))
            if sub.discussion != nil { out.append(".PP") }
            out += Self.paragraphs(sub.discussion)
            out += own.flatMap(Self.item)
        }
        out += [".SH FILES", Self.text(CLIText.Manual.templateSearch)]
        out += CLIText.Manual.templateDirectories.flatMap { Self.term($0.path, $0.meaning) }
        out += [".PP"] + Self.paragraphs(CLIText.Manual.draftFiles)
        out.append(".SH ENVIRONMENT")
        out += CLIText.Manual.environment.flatMap { Self.term($0.name, $0.meaning) }
        return out.joined(separator: "\n") + "\n"
    }

    /// `jixiao new <file> [--template <template>] …`, the command in bold, placeholders in italics.
    private func synopsis(_ command: [String], _ args: [ArgumentHelp]) -> String {
        let parts = args.map { a -> String in
            var s: String
            switch a.kind {
            case .positional: s = "\\fI" + Self.text(a.placeholder) + "\\fR"
            case .option: s = "\\fB" + Self.text(a.spelledNames.last ?? "") + "\\fR \\fI" + Self.text(a.placeholder) + "\\fR"
            case .flag: s = "\\fB" + Self.text(a.spelledNames.last ?? "") + "\\fR"
            }
            if a.isRepeating { s += " ..." }
            return a.isOptional ? "[" + s + "]" : s
        }
        return ([".B " + Self.quoted(command.joined(separator: " "))] + (parts.isEmpty ? [] : [parts.joined(separator: " ")]))
            .joined(separator: "\n")
    }

    private static func term(_ name: String, _ meaning: String) -> [String] {
        [".TP", "\\fB" + text(name) + "\\fR", text(meaning)]
    }

    /// One argument as a tagged paragraph: its names (or placeholder), then its help, default and values.
    private static func item(_ a: ArgumentHelp) -> [String] {
        let names = a.spelledNames.map { "\\fB" + text($0) + "\\fR" }.joined(separator: ", ")
        let tag: String
        switch a.kind {
        case .positional: tag = "\\fI" + text(a.placeholder) + "\\fR"
        case .option: tag = names + " \\fI" + text(a.placeholder) + "\\fR"
        case .flag: tag = names
        }
        var lines = [".TP", tag, text(a.abstract ?? "")]
        if let d = a.discussion, !d.isEmpty { lines.append(".br"); lines += paragraphs(d) }
        if let values = a.allValues, !values.isEmpty {
            lines += [".br", text(CLIText.Manual.values(values.joined(separator: ", ")))]
        }
        if let d = a.defaultValue, !d.isEmpty { lines += [".br", text(CLIText.Manual.defaultValue(d))] }
        return lines
    }

    /// A help text's lines: each its own line in the page; indented lines (examples aligned in
    /// columns) are kept as they are instead of being filled.
    static func paragraphs(_ s: String?) -> [String] {
        guard let s, !s.isEmpty else { return [] }
        var out: [String] = []
        var verbatim = false
        for line in s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indented = line.first == " "
            if indented != verbatim { out.append(indented ? ".nf" : ".fi"); verbatim = indented }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { out.append(verbatim ? "" : ".PP"); continue }
            out.append(text(line))
            if !verbatim { out.append(".br") }
        }
        if verbatim { out.append(".fi") }
        if out.last == ".br" { out.removeLast() }
        return out
    }

    /// A text line for roff: a backslash would start an escape, a leading dot or quote a request,
    /// and `-` is written as `\-` so option names stay plain hyphen-minus when copied.
    ///
    /// roff breaks lines only at spaces, and Chinese has none: after each full-width comma, semicolon and
    /// full stop a `\:` (an invisible break point) lets a long Chinese sentence wrap.
    static func text(_ s: String) -> String {
        var out = s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        for mark in ["，", "；", "。", "、", "："] { out = out.replacingOccurrences(of: mark, with: mark + "\\:") }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }

    /// A macro argument: text, in double quotes, with a double quote inside written as `\(dq`.
    static func quoted(_ s: String) -> String {
        "\"" + text(s).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }
}
