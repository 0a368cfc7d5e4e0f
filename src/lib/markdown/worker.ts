// The entry of the article renderer's worker threads (bundled by article-html.ts).
import { renderBody } from './render';

export default renderBody;
