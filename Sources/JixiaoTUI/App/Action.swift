import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// What can happen to the UI: a key, or the result of something the driver did for it.
public enum Action: Sendable {
    case key(Key)
    case resize(rows: Int, cols: Int)
    /// The driver saved (or failed to save) the draft.
    case saved(Result<FileStamp?, DraftError>, revision: Int)
    /// Text back from $EDITOR for the cell being edited, or why the editor failed.
    case editorFinished(Result<String, EditorFailure>)
    /// The driver wrote a printout: the files, or why it could not.
    case printed(Result<[String], PrintFailure>)
    /// No key is waiting: check a few more of the instances left for after the first frame.
    case checkPending
}

/// What `update` asks the driver to do: things with effects outside the state.
public enum Effect: Sendable, Equatable {
    case save
    case quit
    /// Hand this text to $EDITOR and send back `.editorFinished`.
    case openEditor(String)
    /// Write the printout in this format beside the draft and send back `.printed`.
    case print(PrintJob.Format)
}

/// Why a printout could not be written, in words for the status line.
public struct PrintFailure: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
