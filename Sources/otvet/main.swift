import OtvetText
let analyzer = try TextAnalyzer()
let doc = try analyzer.analyze(CommandLine.arguments.dropFirst().joined(separator: " "))
for t in doc.tokens { print(t.kind, doc.text(of: t), t.normalized, t.stem) }
for s in doc.sentences { print("S:", doc.text(of: s.range)) }
