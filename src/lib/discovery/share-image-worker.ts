// The entry of the share images' worker threads (see `sharePool` in share-image.ts).
import { drawShareImage, type ShareImageInput } from './share-image';

export default async function draw(input: ShareImageInput): Promise<Uint8Array> {
  return new Uint8Array(await drawShareImage(input));
}
