import Foundation
import CourseKit

/// Fictional names in many scripts, so widths, folding and sorting are exercised at scale.
enum SyntheticNames {
    static let countries = ["GT", "HN", "SV", "MX", "CR", "PA", "VN", "CN", "JP", "KR", "EG", "RU", "GR", "IN", "TH", "ET", "PW", "FR"]

    /// (given names, family names) per script.
    static let scripts: [([String], [String])] = [
        (
            [
                "José", "María", "Ana", "Inés", "Ramón", "Zoë", "Renée", "João", "François", "Łucja", "Søren", "Çağla",
                "Luis Fernando", "María José", "Héctor", "Lucía", "Andrés", "Mónica", "Jürgen", "Élodie", "Agnieszka", "Nils",
            ],
            [
                "Núñez", "González", "Pérez", "O'Neil", "Müller", "Brenes Mora", "Coyoy Ajú", "Çelik", "Ødegård", "Tellei",
                "Hernández", "Solís", "Ramírez", "Castañeda", "Xicará", "Dubois", "Kowalczyk", "Lindqvist", "Mendes", "Araújo",
            ]
        ),
        (["Văn An", "Thị Hoa", "Minh Châu", "Quốc Bảo", "Thu Hằng"], ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"]),
        (["小龍", "伟", "芳", "秀英", "建国"], ["李", "王", "张", "刘", "陈"]),
        (["花子", "太郎", "さくら", "健"], ["佐藤", "鈴木", "高橋", "田中"]),
        (["민준", "서연", "지훈", "하은"], ["김", "이", "박", "최"]),
        (["محمد", "فاطمة", "أحمد", "ليلى"], ["الحسن", "العلي", "منصور", "حداد"]),
        (["Иван", "Ольга", "Дмитрий", "Анна"], ["Петров", "Смирнова", "Иванов", "Кузнецова"]),
        (["Γιάννης", "Μαρία", "Νίκος", "Ελένη"], ["Παπαδόπουλος", "Οικονόμου", "Γεωργίου"]),
        (["राहुल", "प्रिया", "अमित", "सुनीता"], ["शर्मा", "वर्मा", "गुप्ता", "सिंह"]),
        (["สมชาย", "สุดา", "วิชัย"], ["ศรีสุข", "ใจดี", "บุญมา"]),
        (["አበበ", "ሙሉ", "ታደሰ"], ["በቀለ", "ገብሬ", "ደስታ"]),
        (["Renée", "Ngirchomel", "Hideo", "Ebil"], ["Kesolei", "Ngiraked", "Adelbai", "Baules", ""]),
    ]

    static let roles: [Role] = Array(repeating: .participant, count: 45) + [.observer, .observer, .observer, .facilitator, .resourcePerson]
    static let statuses: [NominationStatus] =
        Array(repeating: .confirmed, count: 14)
        + [.nominated, .nominated, .declined, .withdrawn, .waitlisted, .walkIn]

    static func name(_ random: inout SeededGenerator) -> (String, String) {
        let script = Int(random.next() % UInt64(scripts.count))
        let (given, family) = scripts[script]
        let first = pick(given, &random), last = pick(family, &random)
        // Spanish and Portuguese speakers often carry two family names ("Núñez Pérez").
        if script == 0, random.next() % 3 == 0, !last.isEmpty {
            return (first, last + " " + pick(family, &random))
        }
        return (first, last)
    }

    static func pick<T>(_ list: [T], _ random: inout SeededGenerator) -> T { list[Int(random.next() % UInt64(list.count))] }

    /// A version-4-shaped UUID from the seeded generator, so event ids repeat with the seed.
    static func uuid(_ random: inout SeededGenerator) -> String {
        let a = random.next(), b = random.next()
        return String(
            format: "%08llx-%04llx-4%03llx-%04llx-%012llx", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFF,
            0x8000 | ((b >> 48) & 0x3FFF), b & 0xFFFF_FFFF_FFFF)
    }
}
