// ClientResult: the value of a method such as getCount(), available after the next sync.
import { SimExcelError } from "./errors";

export class SimClientResult<T> {
  private _value: T | undefined;
  private _set = false;
  get value(): T {
    if (!this._set) {
      throw new SimExcelError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this._value as T;
  }
  /** @internal */
  _resolve(value: T): void {
    this._value = value;
    this._set = true;
  }
}
