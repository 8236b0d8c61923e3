export { erf, erfc, qfunc, normalCdf } from './erfc.js';
export {
  berTerms,
  berBpskAwgn,
  berSquareQamAwgn,
  berBpskRayleigh,
  berSquareQamRayleigh,
  berSquareQamRician,
} from './ber.js';
export { theoreticalBer } from './theoretical-ber.js';
