/** The record sheets (一户一表) and notices of a sealed draw. Its channels join when its page does. */
export type SheetErrorCode = 'sheets.drawNotFound' | 'sheets.entityMissing' | 'sheets.noProof' | 'sheets.notSealed';
