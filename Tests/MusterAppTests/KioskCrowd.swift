import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI

/// A course of generated participants for the kiosk's probing tests: the mini course's code and
/// sessions with `count` people instead of its five, every one expected in the room. Given names
/// repeat (a 300-person course has six of each), five start "Mar", and family names are distinct,
/// so three letters often show several people, as on a real course.
enum KioskCrowd {
    struct Person: Hashable {
        var given: String
        var family: String
    }

    static let givenNames = [
        "Ana", "Andrés", "Antonio", "Amelia", "Bruno", "Beatriz", "Carlos", "Carmen", "Chen", "Daniel", "Diana", "Elena",
        "Emilio", "Fátima", "Felipe", "Grace", "Gabriel", "Hana", "Hugo", "Inés", "Isaac", "José", "Julia", "Kenji", "Karin",
        "Leila", "Luis", "María", "Marco", "Nadia", "Noah", "Marta", "Marek", "Paula", "Pedro", "Martín", "Rosa", "Rafael",
        "Sara", "Samuel", "Tanya", "Tomás", "Uma", "Víctor", "Wei", "Ximena", "Yusuf", "Zoë", "Søren", "Åsa",
    ]
    static let onsets = ["Ta", "Mo", "Ke", "Ri", "Sa", "Lu", "Be", "No", "Ga", "Pe", "Fi", "Do", "Ha", "Wi", "Zu"]
    static let endings = [
        "lei", "rana", "sito", "mura", "vić", "gaard", "dottir", "ñez", "ini", "son", "wski", "poulos", "ak", "ang", "ur",
        "elli", "iro", "ova", "escu", "ton",
    ]

    /// `count` people (at most 300), the same ones every time.
    static func people(_ count: Int) -> [Person] {
        (0..<count).map { i in
            Person(
                given: givenNames[i % givenNames.count],
                family: onsets[i % onsets.count] + endings[(i / onsets.count) % endings.count])
        }
    }

    static func yaml(_ people: [Person]) -> String {
        var yaml = Fixtures.miniCourseYAML.components(separatedBy: "quotas:")[0] + "participants:\n"
        for (i, person) in people.enumerated() {
            yaml += """
                - code: K-\(String(format: "%03d", i + 1))
                  given_name: \(person.given)
                  family_name: \(person.family)
                  sex: female
                  country: PW
                  agency: pw-bim
                  role: participant
                  status: nominated

                """
        }
        return yaml
    }

    /// A kiosk on a course of `count` generated people.
    static func driver(_ count: Int) throws -> KioskDriver { try KioskDriver(courseYAML: yaml(people(count))) }
}
