// Compares the JSON shape of two values: same keys, same JSON types, recursively.
// null on either side is accepted (nullable fields differ with data); arrays compare their
// first elements when both have one.

export interface ShapeReport {
  missing: string[];
  extra: string[];
  typeMismatches: string[];
  compared: number;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function compareShape(real: unknown, mine: unknown, path = "$", report: ShapeReport = { missing: [], extra: [], typeMismatches: [], compared: 0 }): ShapeReport {
  report.compared += 1;
  if (real === null || mine === null) return report;
  const a = jsonType(real);
  const b = jsonType(mine);
  if (a !== b) {
    report.typeMismatches.push(`${path}: ${a} vs ${b}`);
    return report;
  }
  if (Array.isArray(real) && Array.isArray(mine)) {
    if (real.length > 0 && mine.length > 0) compareShape(real[0], mine[0], `${path}[0]`, report);
    return report;
  }
  if (a === "object" && typeof real === "object" && typeof mine === "object") {
    const left = new Map(Object.entries(real));
    const right = new Map(Object.entries(mine));
    for (const key of left.keys()) if (!right.has(key)) report.missing.push(`${path}.${key}`);
    for (const key of right.keys()) if (!left.has(key)) report.extra.push(`${path}.${key}`);
    for (const [key, value] of left) if (right.has(key)) compareShape(value, right.get(key), `${path}.${key}`, report);
  }
  return report;
}
