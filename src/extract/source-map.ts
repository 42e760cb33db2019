/** Data paths of an imported document → places in the original, and the Placer the engine asks. */
import type { Path } from '../engine/path.js';
import { toPointer } from '../engine/path.js';
import type { Place, Placer } from '../engine/lint.js';
import type { SourceLoc } from '../read/blocks.js';

export class SourceMap {
  private readonly map = new Map<string, SourceLoc>();

  set(path: Path, loc: SourceLoc | undefined): void {
    if (loc) this.map.set(toPointer(path), loc);
  }

  /** The place of a path, or of its nearest parent that has one. */
  get(path: Path): SourceLoc | undefined {
    for (let n = path.length; n >= 0; n--) {
      const loc = this.map.get(toPointer(path.slice(0, n)));
      if (loc) return loc;
    }
    return undefined;
  }

  entries(): IterableIterator<[string, SourceLoc]> {
    return this.map.entries();
  }

  placer(): Placer {
    return {
      directives: [],
      place: (path): Place => {
        const loc = this.get(path);
        if (!loc) return { line: 0, column: 0 };
        if (loc.kind === 'text') return { line: loc.line, column: loc.column, location: loc };
        return { line: 0, column: 0, location: loc };
      },
    };
  }
}
