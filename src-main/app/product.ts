import pkg from '../../package.json';

export const PRODUCT_NAME = '双随机一公开监管工作台';
export const VERSION: string = pkg.version;
