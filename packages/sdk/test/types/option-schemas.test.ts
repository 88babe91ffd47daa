// Type-level tests: each public option type that has a valibot schema is the schema's input
// type, so the documented interface and what validation accepts cannot drift apart. The
// interfaces promise not to mutate (readonly); valibot's inferred types are mutable, so the
// comparison is with the schema's input made readonly all the way down.
import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ConsentPolicy,
  ControllerInfo,
  ControllerSchema,
  PolicySchema,
} from '../../src/consent/policy.js';
import type { Product, ProductImageSource } from '../../src/products/types.js';
import type { ProductSchema } from '../../src/products/validate.js';
import type { RetrySchema, UploadClientOptions } from '../../src/upload/config.js';

/** Values compared as they are (not taken apart): functions and decoded images. */
type Leaf = ((...args: never[]) => unknown) | ProductImageSource;

/** `T` with every property and array readonly, at every depth. */
type DeepReadonly<T> = T extends Leaf
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** What a schema accepts, as a readonly interface would say it. */
type Accepted<S extends v.GenericSchema> = DeepReadonly<v.InferInput<S>>;

describe('public option types are their schemas’ input types', () => {
  it('ConsentPolicy is what PolicySchema accepts', () => {
    expectTypeOf<ConsentPolicy>().toEqualTypeOf<Accepted<typeof PolicySchema>>();
  });

  it('ControllerInfo is what ControllerSchema accepts', () => {
    expectTypeOf<ControllerInfo>().toEqualTypeOf<Accepted<typeof ControllerSchema>>();
  });

  it('Product is what ProductSchema accepts', () => {
    expectTypeOf<Product>().toEqualTypeOf<Accepted<typeof ProductSchema>>();
  });

  it('UploadClientOptions.retry is what RetrySchema accepts', () => {
    expectTypeOf<NonNullable<UploadClientOptions['retry']>>().toEqualTypeOf<
      Accepted<typeof RetrySchema>
    >();
  });
});
