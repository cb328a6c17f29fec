import Glibc
import TerminalUI
import Testing
@testable import TerminalUICurses

extension CursesSession {
    /// A real curses screen on /dev/null: blit a `ScreenBuffer`, read the cells back with
    /// `mvwin_wch`.
    @Suite struct Drawing {
        private func frame(_ size: Size = Size(width: 80, height: 24), _ build: (inout ScreenBuffer) -> Void) -> ScreenBuffer {
            var buffer = ScreenBuffer(size: size)
            build(&buffer)
            return buffer
        }

        @Test func startsAtTheSizeFromTheEnvironment() throws {
            let curses = try HeadlessCurses(width: 100, height: 30)
            defer { curses.close() }
            #expect(curses.terminal.size == Size(width: 100, height: 30))
            #expect(curses.terminal.isUTF8)
            #expect(curses.terminal.colorsAvailable)
        }

        @Test func asciiAndAccentedNamesLandOneCharacterPerCell() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            curses.terminal.draw(
                frame {
                    $0.put("Roll call", at: Point(x: 0, y: 0))
                    $0.put("José Ñúñez", at: Point(x: 2, y: 1))
                    $0.put("Nguyễn Văn A", at: Point(x: 0, y: 3))
                    $0.put("Rene\u{301} Lefe\u{300}vre", at: Point(x: 0, y: 4))
                })
            #expect(curses.text(row: 0) == "Roll call")
            #expect(curses.text(row: 1) == "  José Ñúñez")
            #expect(curses.terminal.readBack(x: 5, y: 1)?.text == "é")
            #expect(curses.terminal.readBack(x: 7, y: 1)?.text == "Ñ")
            #expect(curses.text(row: 3) == "Nguyễn Văn A")
            #expect(curses.terminal.readBack(x: 4, y: 3)?.text == "ễ")
            // A decomposed é stays one cell: the base and its combining mark.
            #expect(curses.terminal.readBack(x: 3, y: 4)?.text == "e\u{301}")
            #expect(curses.terminal.readBack(x: 4, y: 4)?.text == " ")
        }

        @Test func wideCharactersTakeTwoCells() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            curses.terminal.draw(frame { $0.put("李小龍 Bruce", at: Point(x: 1, y: 2)) })
            let first = try #require(curses.terminal.readBack(x: 1, y: 2))
            #expect(first.text == "李")
            #expect(!first.isWideContinuation)
            #expect(try #require(curses.terminal.readBack(x: 2, y: 2)).isWideContinuation)
            #expect(curses.terminal.readBack(x: 3, y: 2)?.text == "小")
            #expect(curses.terminal.readBack(x: 5, y: 2)?.text == "龍")
            #expect(curses.terminal.readBack(x: 8, y: 2)?.text == "B")
            #expect(curses.text(row: 2) == " 李小龍 Bruce")
        }

        @Test func aWideCharacterInTheLastColumnIsDrawnAsASpace() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
            buffer[79, 0] = Cell(text: "李", width: 2)
            curses.terminal.draw(buffer)
            #expect(curses.terminal.readBack(x: 79, y: 0)?.text == " ")
            #expect(curses.terminal.readBack(x: 0, y: 1)?.text == " ", "nothing wrapped onto the next row")
        }

        @Test func theBottomRightCellIsWritten() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            curses.terminal.draw(frame { $0.put("end", at: Point(x: 77, y: 23)) })
            #expect(curses.text(row: 23).hasSuffix("end"))
            #expect(curses.terminal.readBack(x: 79, y: 23)?.text == "d")
        }

        @Test func rolesBecomeAttributesAndPairs() throws {
            let curses = try HeadlessCurses(theme: .color)
            defer { curses.close() }
            curses.terminal.draw(
                frame {
                    $0.put("Header", at: Point(x: 0, y: 0), role: .header)
                    $0.put("Selected row", at: Point(x: 0, y: 1), role: .selected)
                    $0.put("Name", at: Point(x: 0, y: 2), role: .columnHeader)
                    $0.put("plain", at: Point(x: 0, y: 3))
                    $0.put("P ✓", at: Point(x: 0, y: 4), role: .present)
                    $0.put("dim", at: Point(x: 0, y: 5), role: .dim)
                })
            let header = try #require(curses.terminal.readBack(x: 0, y: 0))
            #expect(header.bold)
            #expect(header.colorPair == StyleRole.allCases.firstIndex(of: .header)! + 1)
            #expect(curses.terminal.colorPairContent(header.colorPair) == (7, 4))
            let selected = try #require(curses.terminal.readBack(x: 3, y: 1))
            #expect(selected.reverse && !selected.bold && selected.colorPair == 0)
            let columnHeader = try #require(curses.terminal.readBack(x: 0, y: 2))
            #expect(columnHeader.bold && columnHeader.underline)
            let plain = try #require(curses.terminal.readBack(x: 0, y: 3))
            #expect(!plain.bold && !plain.reverse && !plain.underline && !plain.dim && plain.colorPair == 0)
            let present = try #require(curses.terminal.readBack(x: 2, y: 4))
            #expect(present.text == "✓" && present.bold)
            #expect(curses.terminal.colorPairContent(present.colorPair) == (2, -1), "default background")
            #expect(try #require(curses.terminal.readBack(x: 0, y: 5)).dim)
        }

        @Test func monochromeUsesAttributesOnly() throws {
            let curses = try HeadlessCurses(theme: .monochrome)
            defer { curses.close() }
            curses.terminal.draw(
                frame {
                    $0.put("Header", at: Point(x: 0, y: 0), role: .header)
                    $0.put("Absent", at: Point(x: 0, y: 1), role: .absent)
                })
            let header = try #require(curses.terminal.readBack(x: 0, y: 0))
            #expect(header.reverse && header.colorPair == 0)
            let absent = try #require(curses.terminal.readBack(x: 0, y: 1))
            #expect(absent.bold && absent.colorPair == 0)
        }

        @Test func changingTheThemeRedefinesTheRoles() throws {
            let curses = try HeadlessCurses(theme: .monochrome)
            defer { curses.close() }
            curses.terminal.theme = .color
            curses.terminal.draw(frame { $0.put("Header", at: Point(x: 0, y: 0), role: .header) })
            let header = try #require(curses.terminal.readBack(x: 0, y: 0))
            #expect(header.bold && !header.reverse && header.colorPair != 0)
        }

        @Test func eachFrameReplacesTheLastOne() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            curses.terminal.draw(frame { $0.put("first frame with a long line", at: Point(x: 0, y: 0)) })
            curses.terminal.draw(frame { $0.put("second", at: Point(x: 0, y: 0)) })
            #expect(curses.text(row: 0) == "second")
        }

        @Test func controlCharactersNeverReachTheTerminal() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            // Cells set directly, bypassing ScreenBuffer's own sanitising.
            var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
            buffer[0, 0] = Cell(text: "\u{1B}")
            buffer[1, 0] = Cell(text: "\r")
            buffer[2, 0] = Cell(text: "\u{8}")
            buffer[3, 0] = Cell(text: "x")
            curses.terminal.draw(buffer)
            #expect(curses.terminal.readBack(x: 0, y: 0)?.text == "\u{FFFD}")
            #expect(curses.terminal.readBack(x: 1, y: 0)?.text == " ")
            #expect(curses.terminal.readBack(x: 2, y: 0)?.text == "\u{FFFD}")
            #expect(curses.terminal.readBack(x: 3, y: 0)?.text == "x")
        }

        /// The pitfall this guards: without a UTF-8 locale curses drops "é" and "José" shows as
        /// "Jos", shifting everything after it. Now it shows "Jos?" and the columns hold.
        @Test func withoutAUTF8LocaleNonASCIIBecomesAQuestionMark() throws {
            let curses = try HeadlessCurses(locale: "C")
            defer { curses.close() }
            #expect(!curses.terminal.isUTF8)
            curses.terminal.draw(frame { $0.put("José Ñ|", at: Point(x: 0, y: 0)) })
            #expect(curses.text(row: 0) == "Jos? ?|")
        }

        @Test func aFrameLargerThanTheScreenIsClipped() throws {
            let curses = try HeadlessCurses(width: 40, height: 10)
            defer { curses.close() }
            curses.terminal.draw(
                frame(Size(width: 120, height: 40)) {
                    $0.put(String(repeating: "x", count: 120), at: Point(x: 0, y: 0))
                    $0.put("bottom", at: Point(x: 0, y: 39))
                })
            #expect(curses.text(row: 0) == String(repeating: "x", count: 40))
        }

        @Test func theCursorShowsOnlyWhenTheFrameHasOne() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            var buffer = frame { $0.put("Name: Jo", at: Point(x: 0, y: 0)) }
            curses.terminal.draw(buffer)
            #expect(curses.terminal.cursorVisible == false)
            buffer.cursor = Point(x: 8, y: 0)
            curses.terminal.draw(buffer)
            #expect(curses.terminal.cursorVisible == true)
            #expect(curses.terminal.cursorPosition == Point(x: 8, y: 0))
        }

        @Test func endIsIdempotentAndLaterCallsAreHarmless() throws {
            let curses = try HeadlessCurses()
            curses.terminal.end()
            curses.terminal.end()
            curses.terminal.draw(ScreenBuffer(size: Size(width: 80, height: 24)))
            #expect(curses.terminal.readKey(timeoutMilliseconds: 0) == nil)
            #expect(curses.terminal.readBack(x: 0, y: 0) == nil)
            curses.terminal.forceRedraw()
            curses.terminal.bell()
            curses.terminal.suspend()
            curses.close()
        }

        @Test func onlyOneTerminalAtATime() throws {
            let curses = try HeadlessCurses()
            #expect(throws: CursesTerminalError.alreadyRunning) { try HeadlessCurses() }
            curses.close()
            let again = try HeadlessCurses()
            again.close()
        }

        @Test func anUnknownTerminalTypeIsAnErrorNotAnExit() throws {
            let input = try #require(fopen("/dev/null", "r"))
            let output = try #require(fopen("/dev/null", "w"))
            defer { fclose(input); fclose(output) }
            #expect(throws: CursesTerminalError.cannotStart(terminalType: "no-such-terminal-muster")) {
                _ = try CursesTerminal(
                    theme: .monochrome, options: .init(), input: input, output: output,
                    terminalType: "no-such-terminal-muster")
            }
            // And the failed start left nothing behind: a real one starts.
            let curses = try HeadlessCurses()
            curses.close()
        }
    }
}
