import Foundation
import GRDB

// Where the store's open and its writes meet sync. The core sync lane fills these in.
extension CourseStore {
    /// Called once when this process opens the library for writing (it holds the writer lock),
    /// after migrations, inside a write transaction: takes a new origin when the file was copied.
    static func syncWriterOpened(_ db: Database, path: String) throws {}
}
