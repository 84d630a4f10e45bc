import type { Node } from 'unist';
import type { VFile } from 'vfile';

/** A problem found in the body; `line` and `column` count from the body's first line. */
export interface BodyProblem {
  line?: number;
  column?: number;
  message: string;
  hint: string;
  fatal: boolean;
}

/**
 * Records a problem in the body at the node's position. `fatal` marks an error
 * (the article is refused); otherwise it is a warning for the content check.
 */
export function reportProblem(file: VFile, node: Node, problem: { message: string; hint: string; fatal: boolean }): void {
  const message = file.message(problem.message, { place: node.position, source: 'kiosque' });
  message.note = problem.hint;
  message.fatal = problem.fatal;
}
